// Liveness check; also the baseline the benchmark divides every other timing by.
export function GET() {
  return Response.json({ ok: true });
}
