// What both benchmarks do before they start: run from the project root,
// answer --help, and read numeric options from a flag or an environment
// variable, refusing anything out of range.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The migration driver, the seed and next read their files from the working directory. */
export function requireProjectRoot(command: string) {
  if (path.resolve(process.cwd()) !== ROOT) {
    console.error(`Run the benchmark from the project root (${ROOT}): ${command}`);
    process.exit(2);
  }
}

export function exitWithHelp(asked: boolean | undefined, help: string) {
  if (!asked) return;
  console.log(help);
  process.exit(0);
}

type Bounds = { min: number; max?: number; integer?: boolean };

/** A number from the flag, else the variable, else the default; out of bounds, an error quoting the help. */
export function numberOption(help: string) {
  return (flag: string | undefined, variable: string | undefined, fallback: number, { min, max = Infinity, integer = false }: Bounds) => {
    const value = Number(flag ?? variable ?? fallback);
    const valid = integer ? Number.isInteger(value) : Number.isFinite(value);
    if (!valid || value < min || value > max) throw new Error(`Invalid option value ${flag ?? variable}\n\n${help}`);
    return value;
  };
}
