import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMentions } from './mentions';

const people = [
  { id: 'jo', name: 'Jo', email: 'jo@desk.example' },
  { id: 'jop', name: 'Jo Parker', email: 'parker@desk.example' },
  { id: 'ana', name: 'Ana Ruiz', email: 'ana@desk.example' },
  { id: 'noname', name: '', email: 'x@desk.example' },
];

test('a name or an email after @ mentions that colleague', () => {
  assert.deepEqual(findMentions('@Ana Ruiz can you check the figure?', people), ['ana']);
  assert.deepEqual(findMentions('ask @ana@desk.example', people), ['ana']);
  assert.deepEqual(findMentions('@x@desk.example', people), ['noname']);
});

test('the longest name wins, and a name must end where a word ends', () => {
  assert.deepEqual(findMentions('@Jo Parker please', people), ['jop']);
  assert.deepEqual(findMentions('@Jo, please', people), ['jo']);
  assert.deepEqual(findMentions('@Joanne please', people), []);
});

test('an email address inside text is not a mention; repeats count once; case is ignored', () => {
  assert.deepEqual(findMentions('write to jo@desk.example', people), []);
  assert.deepEqual(findMentions('@ANA RUIZ and again @ana ruiz', people), ['ana']);
  assert.deepEqual(findMentions('@jo and @Ana Ruiz', people).sort(), ['ana', 'jo']);
});

test('an empty name never matches everything', () => {
  assert.deepEqual(findMentions('@ hello', people), []);
});
