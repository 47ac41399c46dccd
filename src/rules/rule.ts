// The Rule and Finding contracts every checker and reporter shares.
import type { Dockerfile, Instruction } from '../dockerfile/model.js';

export const SEVERITIES = ['error', 'warning', 'info', 'style'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** A rule's default level; `ignore` rules run only when config raises them (as in hadolint). */
export type RuleSeverity = Severity | 'ignore';
export const CATEGORIES = ['size', 'cache', 'security', 'correctness', 'style'] as const;
export type Category = (typeof CATEGORIES)[number];
export const ORIGINS = ['hadolint', 'buildkit', 'whittle', 'shellcheck'] as const;
export type Origin = (typeof ORIGINS)[number];

/** Replace source[start, end) with text. Offsets index the text that was parsed. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Location {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly layer?: number;
  readonly path?: string;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location: Location;
  /** The same finding under other rulesets' ids. */
  readonly aliases?: readonly string[];
  /** Estimated bytes saved by fixing it. */
  readonly bytes?: number;
  /** What it costs in rebuilds, in words ("every source edit re-runs npm ci"). */
  readonly cacheImpact?: string;
  readonly fix?: readonly TextEdit[];
  readonly docs?: string;
}

export type LabelType = 'email' | 'git-hash' | 'rfc3339' | 'semver' | 'spdx' | 'text' | 'url';

/** What rules may know beyond the Dockerfile: configuration only (no disk, env or clock). */
export interface RuleContext {
  readonly trustedRegistries: readonly string[];
  readonly labelSchema: Readonly<Record<string, LabelType>>;
  readonly strictLabels: boolean;
  readonly buildArgs: Readonly<Record<string, string>>;
  // Optional so that contexts built before these existed stay valid; absent means unknown.
  /** Env names of each base image, keyed by the image as FROM names it after ARG expansion; null or absent: not read. */
  readonly baseImageEnv?: Readonly<Record<string, readonly string[] | null>>;
  /** Platform (`os/arch[/variant]`) of each base image as read, keyed like baseImageEnv; absent: not read. */
  readonly basePlatforms?: Readonly<Record<string, string | null>>;
  /** The platform the build targets (BuildKit's default is the machine's); null: unknown. */
  readonly targetPlatform?: string | null;
  /** The build context's ignore rules; null when the context has no ignore file (or is unknown). */
  readonly dockerignore?: DockerignoreRules | null;
  /** Names at the top of the build context (`whittle fix` reads them for WH200's manifest COPY); absent: unknown. */
  readonly contextFiles?: readonly string[] | null;
}

/** What rules may ask of a `.dockerignore` (src/context/dockerignore.ts's Matcher is one). */
export interface DockerignoreRules {
  readonly patterns: readonly { readonly text: string; readonly exclusion: boolean }[];
  readonly hasExclusions: boolean;
  ignores(relPath: string): boolean;
}

export const DEFAULT_RULE_CONTEXT: RuleContext = Object.freeze({
  trustedRegistries: [],
  labelSchema: {},
  strictLabels: false,
  buildArgs: {},
  baseImageEnv: {},
  basePlatforms: {},
  targetPlatform: null,
  dockerignore: null,
});

export interface Rule {
  readonly id: string;
  readonly title: string;
  readonly category: Category;
  readonly severity: RuleSeverity;
  readonly origin: Origin;
  /** Ids of rules in other rulesets that mean the same thing. */
  readonly aliases?: readonly string[];
  /** Whether findings of this rule can carry a fix. */
  readonly fixable: boolean;
  check(df: Dockerfile, ctx: RuleContext): readonly Finding[];
}

export interface FindingExtras {
  readonly bytes?: number;
  readonly cacheImpact?: string;
  readonly fix?: readonly TextEdit[];
  readonly line?: number;
  readonly column?: number;
}

/** A finding of `rule` located at an instruction (its first line). */
export function findingAt(rule: Rule, ins: Instruction, message: string, extras: FindingExtras = {}): Finding {
  const { line, column, ...rest } = extras;
  return {
    rule: rule.id,
    severity: rule.severity === 'ignore' ? 'info' : rule.severity,
    message,
    location: {
      line: line ?? ins.span.line,
      column: column ?? ins.span.column,
      endLine: line ?? ins.span.endLine,
    },
    ...rest,
  };
}

/** A finding at a bare line (for rules about comments or the file as a whole). */
export function findingAtLine(rule: Rule, line: number, message: string, extras: Omit<FindingExtras, 'line'> = {}): Finding {
  const { column, ...rest } = extras;
  return {
    rule: rule.id,
    severity: rule.severity === 'ignore' ? 'info' : rule.severity,
    message,
    location: { line, column: column ?? 1 },
    ...rest,
  };
}
