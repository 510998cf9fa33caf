// The second stage of the check-worthiness model (docs/decisions/035-stacked-claim-model.md): a
// one-hidden-layer neural network over the dense features (mean word vector, cue, quantity-use,
// former-rule, subjectivity, POS and entity-type features) plus the logistic regression's logit, then
// Platt scaling so the score shown to the desk is a probability. Hand-written (~100 lines) rather
// than a package: forward pass and training fit here, and a new dependency would have to install
// offline for every engineer. Pure: no I/O; the weights are plain JSON in the repo.
import { mulberry32 } from './random';

export type MlpFile = {
  version: 1;
  /** Input names: feature keys (as features.ts emits them) and `lr` for the first stage's logit. */
  inputs: string[];
  /** Standardisation, from the training set: x' = (x - mean) * scale. */
  mean: number[];
  scale: number[];
  hidden: number;
  /** hidden x inputs, row-major. */
  w1: number[];
  b1: number[];
  w2: number[];
  b2: number;
  /** The shown logit is blend * network + (1 - blend) * the first stage's logit. */
  blend: number;
  /** Platt scaling on the tune split: p = sigmoid(a * blended logit + b). */
  platt: { a: number; b: number };
  threshold: number;
};

export type Mlp = { index: Map<string, number>; n: number; hidden: number; mean: Float64Array; scale: Float64Array; w1: Float64Array; b1: Float64Array; w2: Float64Array; b2: number; blend: number; platt: { a: number; b: number }; threshold: number };

export function loadMlp(file: MlpFile): Mlp {
  return {
    index: new Map(file.inputs.map((k, i) => [k, i])),
    n: file.inputs.length,
    hidden: file.hidden,
    mean: Float64Array.from(file.mean),
    scale: Float64Array.from(file.scale),
    w1: Float64Array.from(file.w1),
    b1: Float64Array.from(file.b1),
    w2: Float64Array.from(file.w2),
    b2: file.b2,
    blend: file.blend,
    platt: file.platt,
    threshold: file.threshold,
  };
}

/** The network's logit for raw (unstandardised) inputs `x`; `h` is scratch space of `hidden` floats. */
export function mlpLogit(m: Pick<Mlp, 'n' | 'hidden' | 'mean' | 'scale' | 'w1' | 'b1' | 'w2' | 'b2'>, x: Float64Array, h = new Float64Array(m.hidden)): number {
  let z = m.b2;
  for (let j = 0; j < m.hidden; j++) {
    let a = m.b1[j]!;
    const row = j * m.n;
    for (let i = 0; i < m.n; i++) if (x[i] !== 0 || m.mean[i] !== 0) a += m.w1[row + i]! * (x[i]! - m.mean[i]!) * m.scale[i]!;
    // ReLU: cheap, and on tune no worse than tanh.
    h[j] = a > 0 ? a : 0;
    z += m.w2[j]! * h[j]!;
  }
  return z;
}

export type MlpOptions = { hidden: number; epochs: number; lr: number; l2: number; batch: number; seed: number; posWeight: number };

/**
 * Trains the network by minibatch Adam on log loss. Seeded init and shuffle: the same rows give the
 * same weights. `rows` are raw input vectors in the order of `inputs`.
 */
export function trainMlp(inputs: string[], rows: Float64Array[], labels: number[], o: MlpOptions): MlpFile {
  const n = inputs.length;
  const H = o.hidden;
  const mean = new Float64Array(n);
  const scale = new Float64Array(n);
  for (const x of rows) for (let i = 0; i < n; i++) mean[i]! += x[i]! / rows.length;
  for (const x of rows) for (let i = 0; i < n; i++) scale[i]! += (x[i]! - mean[i]!) ** 2 / rows.length;
  // A constant input gets scale 0 (it carries nothing); the rest unit variance.
  for (let i = 0; i < n; i++) scale[i] = scale[i]! > 1e-12 ? 1 / Math.sqrt(scale[i]!) : 0;
  const rand = mulberry32(o.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const params = new Float64Array(H * n + H + H + 1);
  // Layout: w1 (H*n) | b1 (H) | w2 (H) | b2. He initialisation for the ReLU layer.
  for (let k = 0; k < H * n; k++) params[k] = gauss() * Math.sqrt(2 / n);
  for (let j = 0; j < H; j++) params[H * n + H + j] = gauss() * Math.sqrt(1 / H);
  const W2 = H * n + H;
  const B2 = W2 + H;
  const m1 = new Float64Array(params.length);
  const v1 = new Float64Array(params.length);
  const grad = new Float64Array(params.length);
  const xs = rows.map((x) => Float64Array.from(x, (v, i) => (v - mean[i]!) * scale[i]!));
  const order = xs.map((_, i) => i);
  const h = new Float64Array(H);
  let step = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let s = 0; s < order.length; s += o.batch) {
      grad.fill(0);
      const end = Math.min(order.length, s + o.batch);
      for (let b = s; b < end; b++) {
        const x = xs[order[b]!]!;
        const y = labels[order[b]!]!;
        let z = params[B2]!;
        for (let j = 0; j < H; j++) {
          let a = params[H * n + j]!;
          for (let i = 0; i < n; i++) a += params[j * n + i]! * x[i]!;
          h[j] = a > 0 ? a : 0;
          z += params[W2 + j]! * h[j]!;
        }
        const err = (1 / (1 + Math.exp(-z)) - y) * (y ? o.posWeight : 1);
        grad[B2]! += err;
        for (let j = 0; j < H; j++) {
          grad[W2 + j]! += err * h[j]!;
          if (h[j]! <= 0) continue;
          const d = err * params[W2 + j]!;
          grad[H * n + j]! += d;
          for (let i = 0; i < n; i++) grad[j * n + i]! += d * x[i]!;
        }
      }
      step++;
      const size = end - s;
      const c1 = 1 - 0.9 ** step;
      const c2 = 1 - 0.999 ** step;
      for (let k = 0; k < params.length; k++) {
        const g = grad[k]! / size + (k < H * n || (k >= W2 && k < B2) ? o.l2 * params[k]! : 0);
        m1[k] = 0.9 * m1[k]! + 0.1 * g;
        v1[k] = 0.999 * v1[k]! + 0.001 * g * g;
        params[k]! -= (o.lr * (m1[k]! / c1)) / (Math.sqrt(v1[k]! / c2) + 1e-8);
      }
    }
  }
  const r = (v: number) => Math.round(v * 1e4) / 1e4;
  return {
    version: 1,
    inputs,
    mean: [...mean].map((v) => Math.round(v * 1e6) / 1e6),
    scale: [...scale].map((v) => Math.round(v * 1e4) / 1e4),
    hidden: H,
    w1: [...params.subarray(0, H * n)].map(r),
    b1: [...params.subarray(H * n, W2)].map(r),
    w2: [...params.subarray(W2, B2)].map(r),
    b2: r(params[B2]!),
    blend: 1,
    platt: { a: 1, b: 0 },
    threshold: 0.5,
  };
}

/** Platt scaling: a, b minimising log loss of sigmoid(a * logit + b) (Newton steps, Platt's targets). */
export function fitPlatt(logits: number[], labels: number[]): { a: number; b: number } {
  const pos = labels.filter((l) => l === 1).length;
  const neg = labels.length - pos;
  // Platt (1999): soft targets keep the fit from running off on separable data.
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const loss = (a: number, b: number) => logits.reduce((sum, z, i) => {
    const v = a * z + b;
    const t = labels[i] ? hi : lo;
    // log(1 + e^v) - t v, written to stay finite for large |v|.
    return sum + (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v))) - t * v;
  }, 0);
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let it = 0; it < 100; it++) {
    let ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    logits.forEach((z, i) => {
      const p = 1 / (1 + Math.exp(-(a * z + b)));
      const t = labels[i] ? hi : lo;
      const w = p * (1 - p);
      ga += (p - t) * z;
      gb += p - t;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // Newton with step halving: a full step can overshoot when the start is far off.
    let step = 1;
    while (step > 1e-6 && loss(a - step * da, b - step * db) > current) step /= 2;
    if (step <= 1e-6) break;
    a -= step * da;
    b -= step * db;
    current = loss(a, b);
    if (Math.abs(step * da) + Math.abs(step * db) < 1e-9) break;
  }
  return { a: Math.round(a * 1e5) / 1e5, b: Math.round(b * 1e5) / 1e5 };
}

/** Expected calibration error over `bins` equal-width bins: the gap between score and hit rate. */
export function expectedCalibrationError(probs: number[], labels: number[], bins = 10): number {
  const count = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const sumY = new Array<number>(bins).fill(0);
  probs.forEach((p, i) => {
    const b = Math.min(bins - 1, Math.floor(p * bins));
    count[b]!++;
    sumP[b]! += p;
    sumY[b]! += labels[i]!;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]) ece += Math.abs(sumP[b]! - sumY[b]!) / probs.length;
  return ece;
}
