// The review screen's keyboard shortcuts: one list, shown by `?` and used by the key handler.
export const SHORTCUTS: Array<{ keys: string[]; does: string }> = [
  { keys: ['j'], does: 'Select the next claim' },
  { keys: ['k'], does: 'Select the previous claim' },
  { keys: ['Enter'], does: 'Open the selected claim' },
  { keys: ['Esc'], does: 'Close the dialog (asks first if you typed something)' },
  { keys: ['?'], does: 'Show these shortcuts' },
];
