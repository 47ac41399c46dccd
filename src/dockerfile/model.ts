// whittle's own typed, frozen Dockerfile model: what every rule reads, with a range on every node.
import type { ShellScript } from './shell.js';

/** A span of source text. Lines and columns are 1-based; offsets are 0-based into `Dockerfile.source`. */
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly start: number;
  readonly end: number;
}

/** `--name=value` before an instruction's arguments (`--mount`, `--from`, `--chown`, `--link`, `--platform`...). */
export interface Flag {
  readonly name: string;
  /** null for a bare `--link`. */
  readonly value: string | null;
  readonly span: Span;
}

/** A key=value pair of ENV, LABEL or ARG (`value` is null for `ARG NAME` without default). */
export interface KeyValue {
  readonly key: string;
  readonly value: string | null;
  /** The value as written, quotes included, for rules that care about quoting. */
  readonly rawValue: string | null;
  readonly span: Span;
}

export interface Heredoc {
  readonly name: string;
  /** Body text without the closing delimiter; `<<-` bodies have their leading tabs stripped. */
  readonly body: string;
  readonly chompTabs: boolean;
  /** Whether the delimiter was quoted (then the body is not expanded). */
  readonly quoted: boolean;
  /** 1-based line of the body's first line. */
  readonly bodyLine: number;
}

/** `RUN --mount=type=cache,target=/x` parsed into its options. */
export interface Mount {
  readonly type: string;
  readonly target: string | null;
  readonly options: Readonly<Record<string, string>>;
}

export interface FromDetails {
  /** The image as written (`docker.io/library/node:20@sha256:...`), variables unexpanded. */
  readonly image: string;
  readonly registry: string | null;
  /** Image name without registry, tag and digest. */
  readonly name: string;
  readonly tag: string | null;
  readonly digest: string | null;
  readonly alias: string | null;
  readonly aliasSpan: Span | null;
  readonly platform: string | null;
  /** Index of an earlier stage this FROM builds on, when the image names one. */
  readonly parentStage: number | null;
}

export interface CopyDetails {
  readonly sources: readonly string[];
  readonly destination: string | null;
  readonly from: string | null;
  readonly chown: string | null;
  readonly chmod: string | null;
  readonly link: boolean;
}

export interface RunDetails {
  /** The shell-command model of the script (heredoc bodies included), or null for exec form that is no shell. */
  readonly script: ShellScript;
  readonly mounts: readonly Mount[];
  /** Cache and tmpfs mount targets: paths a RUN may leave things in without growing the layer. */
  readonly cacheMountTargets: readonly string[];
  readonly network: string | null;
}

export interface HealthcheckDetails {
  /** `NONE` disables the inherited check. */
  readonly none: boolean;
}

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, ... An ONBUILD trigger has its own keyword here. */
  readonly keyword: string;
  /** Keyword as written (case kept). */
  readonly rawKeyword: string;
  readonly span: Span;
  readonly flags: readonly Flag[];
  /** Arguments with line continuations joined and comment lines inside them dropped (heredoc bodies kept). */
  readonly args: string;
  /** Arguments exactly as written. */
  readonly rawArgs: string;
  /** Offset of the first argument character in the source (after the flags). */
  readonly argsStart: number;
  /** JSON (exec) form arguments, when the arguments are a valid JSON string array. */
  readonly json: readonly string[] | null;
  /** Whitespace-split arguments (after flags, before heredoc bodies), quotes kept. */
  readonly words: readonly string[];
  readonly heredocs: readonly Heredoc[];
  /** Stage index (-1 for instructions before the first FROM). */
  readonly stage: number;
  /** For `ONBUILD X`: the trigger X as an instruction of its own, spanning the same lines. */
  readonly trigger: Instruction | null;
  /** True for the trigger instruction inside an ONBUILD. */
  readonly isTrigger: boolean;
  readonly from?: FromDetails;
  readonly run?: RunDetails;
  readonly copy?: CopyDetails;
  /** ENV, LABEL and ARG pairs. */
  readonly pairs?: readonly KeyValue[];
  readonly healthcheck?: HealthcheckDetails;
}

export interface Stage {
  readonly index: number;
  readonly from: Instruction;
  readonly name: string | null;
  /** Instructions after FROM up to the next FROM, in order. */
  readonly instructions: readonly Instruction[];
  /** The SHELL in force at the end of the stage (inherited from a parent stage, else `/bin/sh -c`). */
  readonly shell: readonly string[];
}

export interface Comment {
  readonly line: number;
  /** Text after `#`, trimmed. */
  readonly text: string;
}

export interface Directives {
  readonly syntax: string | null;
  readonly escape: string;
  readonly check: string | null;
}

export interface Dockerfile {
  readonly file: string;
  readonly source: string;
  readonly directives: Directives;
  /** Every top-level instruction in order (ONBUILD triggers are reached through `trigger`). */
  readonly instructions: readonly Instruction[];
  /** ARGs before the first FROM. */
  readonly globalArgs: readonly Instruction[];
  readonly stages: readonly Stage[];
  readonly comments: readonly Comment[];
}

export const DEFAULT_SHELL: readonly string[] = Object.freeze(['/bin/sh', '-c']);
