// `--name value` options for the bench and check scripts: one reader instead of a copy in each.

/** The value after `--name`, or `fallback` when the option is absent or has no value after it. */
export function arg(name: string): string | undefined;
export function arg(name: string, fallback: string): string;
export function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  return value !== undefined && !value.startsWith('--') ? value : fallback;
}

/** Whether `--name` was given. */
export const flag = (name: string) => process.argv.includes(`--${name}`);
