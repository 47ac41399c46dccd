// The rule registry: every rule, imported by name, in one array sorted by id.
import { consistentInstructionCasing } from './bk-consistent-instruction-casing.js';
import { copyIgnoredFile } from './bk-copy-ignored-file.js';
import { dl1001 } from './dl1001-inline-ignore-pragma.js';
import { dl3000 } from './dl3000-absolute-workdir.js';
import { dl3001 } from './dl3001-pointless-commands.js';
import { dl3002 } from './dl3002-last-user-root.js';
import { dl3003 } from './dl3003-use-workdir.js';
import { dl3004 } from './dl3004-no-sudo.js';
import { dl3006 } from './dl3006-tag-image-version.js';
import { dl3007 } from './dl3007-no-latest-tag.js';
import { dl3008 } from './dl3008-apt-pin-versions.js';
import { dl3009 } from './dl3009-apt-lists-not-removed.js';
import { dl3010 } from './dl3010-use-add-for-archives.js';
import { dl3011 } from './dl3011-valid-port-range.js';
import { dl3012 } from './dl3012-one-healthcheck.js';
import { dl3013 } from './dl3013-pip-pin-versions.js';
import { dl3014 } from './dl3014-apt-get-yes.js';
import { dl3015 } from './dl3015-no-install-recommends.js';
import { dl3016 } from './dl3016-npm-pin-versions.js';
import { dl3018 } from './dl3018-apk-pin-versions.js';
import { dl3019 } from './dl3019-apk-no-cache.js';
import { dl3020 } from './dl3020-copy-not-add.js';
import { dl3021 } from './dl3021-copy-multi-source-dir.js';
import { dl3022 } from './dl3022-copy-from-known-stage.js';
import { dl3023 } from './dl3023-copy-from-own-stage.js';
import { dl3024 } from './dl3024-unique-stage-names.js';
import { dl3025 } from './dl3025-json-cmd-entrypoint.js';
import { dl3026 } from './dl3026-trusted-registries.js';
import { dl3027 } from './dl3027-no-apt.js';
import { dl3028 } from './dl3028-gem-pin-versions.js';
import { dl3029 } from './dl3029-no-from-platform.js';
import { dl3030 } from './dl3030-yum-assume-yes.js';
import { dl3032 } from './dl3032-yum-clean.js';
import { dl3033 } from './dl3033-yum-pin-versions.js';
import { dl3034 } from './dl3034-zypper-non-interactive.js';
import { dl3035 } from './dl3035-no-zypper-dist-upgrade.js';
import { dl3036 } from './dl3036-zypper-clean.js';
import { dl3037 } from './dl3037-zypper-pin-versions.js';
import { dl3038 } from './dl3038-dnf-assume-yes.js';
import { dl3040 } from './dl3040-dnf-clean.js';
import { dl3041 } from './dl3041-dnf-pin-versions.js';
import { dl3042 } from './dl3042-pip-no-cache-dir.js';
import { dl3043 } from './dl3043-onbuild-trigger.js';
import { dl3044 } from './dl3044-env-self-reference.js';
import { dl3045 } from './dl3045-copy-relative-no-workdir.js';
import { dl3046 } from './dl3046-useradd-high-uid.js';
import { dl3047 } from './dl3047-wget-progress.js';
import { dl3048 } from './dl3048-invalid-label-key.js';
import { dl3049 } from './dl3049-missing-label.js';
import { dl3050 } from './dl3050-superfluous-labels.js';
import { dl3051 } from './dl3051-empty-label.js';
import { dl3052 } from './dl3052-label-not-url.js';
import { dl3053 } from './dl3053-label-not-rfc3339.js';
import { dl3054 } from './dl3054-label-not-spdx.js';
import { dl3055 } from './dl3055-label-not-git-hash.js';
import { dl3056 } from './dl3056-label-not-semver.js';
import { dl3057 } from './dl3057-healthcheck-missing.js';
import { dl3058 } from './dl3058-label-not-email.js';
import { dl3059 } from './dl3059-consecutive-runs.js';
import { dl3060 } from './dl3060-yarn-cache-clean.js';
import { dl3061 } from './dl3061-instruction-order.js';
import { dl3062 } from './dl3062-go-pin-versions.js';
import { dl3063 } from './dl3063-reserved-stage-name.js';
import { dl3064 } from './dl3064-sensitive-arg-env.js';
import { dl3065 } from './dl3065-redundant-target-platform.js';
import { dl3066 } from './dl3066-non-numeric-user.js';
import { dl3067 } from './dl3067-copy-root-filesystem.js';
import { dl4000 } from './dl4000-maintainer-deprecated.js';
import { dl4001 } from './dl4001-wget-and-curl.js';
import { dl4003 } from './dl4003-multiple-cmd.js';
import { dl4004 } from './dl4004-multiple-entrypoint.js';
import { dl4005 } from './dl4005-ln-bin-sh.js';
import { dl4006 } from './dl4006-pipefail.js';
import { duplicateStageName } from './bk-duplicate-stage-name.js';
import { exposeInvalidFormat } from './bk-expose-invalid-format.js';
import { exposeProtoCasing } from './bk-expose-proto-casing.js';
import { fromAsCasing } from './bk-from-as-casing.js';
import { fromPlatformFlagConstDisallowed } from './bk-from-platform-flag-const-disallowed.js';
import { invalidBaseImagePlatform } from './bk-invalid-base-image-platform.js';
import { invalidDefaultArgInFrom } from './bk-invalid-default-arg-in-from.js';
import { invalidDefinitionDescription } from './bk-invalid-definition-description.js';
import { jsonArgsRecommended } from './bk-json-args-recommended.js';
import { legacyKeyValueFormat } from './bk-legacy-key-value-format.js';
import { maintainerDeprecated } from './bk-maintainer-deprecated.js';
import { multipleInstructionsDisallowed } from './bk-multiple-instructions-disallowed.js';
import { noEmptyContinuation } from './bk-no-empty-continuation.js';
import { redundantTargetPlatform } from './bk-redundant-target-platform.js';
import { reservedStageName } from './bk-reserved-stage-name.js';
import { secretsUsedInArgOrEnv } from './bk-secrets-used-in-arg-or-env.js';
import { stageNameCasing } from './bk-stage-name-casing.js';
import { undefinedArgInFrom } from './bk-undefined-arg-in-from.js';
import { undefinedVar } from './bk-undefined-var.js';
import { wh100 } from './wh100-node-package-cache.js';
import { wh101 } from './wh101-gem-docs-and-cache.js';
import { wh102 } from './wh102-composer-cache.js';
import { wh103 } from './wh103-go-caches-shipped.js';
import { wh104 } from './wh104-jvm-build-caches.js';
import { wh105 } from './wh105-cleanup-in-later-layer.js';
import { wh106 } from './wh106-build-toolchain-shipped.js';
import { wh107 } from './wh107-sdk-base-in-final-stage.js';
import { wh108 } from './wh108-heavy-base-image.js';
import { wh109 } from './wh109-package-upgrade.js';
import { wh110 } from './wh110-recursive-chown-after-copy.js';
import { wh111 } from './wh111-unused-stage.js';
import { wh112 } from './wh112-unused-arg.js';
import { wh113 } from './wh113-node-dev-deps-in-final-stage.js';
import { wh200 } from './wh200-copy-all-before-install.js';
import { wh201 } from './wh201-no-manifest-copy.js';
import { wh202 } from './wh202-cache-mount-opportunity.js';
import { wh203 } from './wh203-copy-link-opportunity.js';
import { wh204 } from './wh204-buildkit-features-without-syntax.js';
import { wh205 } from './wh205-apt-update-separate-run.js';
import { wh206 } from './wh206-volatile-arg-early.js';
import { wh300 } from './wh300-secret-values.js';
import { wh301 } from './wh301-add-remote-unverified.js';
import { wh302 } from './wh302-copy-secret-file.js';
import { wh303 } from './wh303-base-not-pinned.js';
import { wh304 } from './wh304-runs-as-root.js';
import { wh305 } from './wh305-service-without-healthcheck.js';
import { wh306 } from './wh306-pipe-to-shell.js';
import { wh307 } from './wh307-tls-verification-off.js';
import { wh308 } from './wh308-world-writable.js';
import { wh309 } from './wh309-sudo-in-image.js';
import { wh310 } from './wh310-insecure-run-flags.js';
import { workdirRelativePath } from './bk-workdir-relative-path.js';
import type { Rule } from './rule.js';

export const rules: readonly Rule[] = [
  consistentInstructionCasing,
  copyIgnoredFile,
  dl1001,
  dl3000,
  dl3001,
  dl3002,
  dl3003,
  dl3004,
  dl3006,
  dl3007,
  dl3008,
  dl3009,
  dl3010,
  dl3011,
  dl3012,
  dl3013,
  dl3014,
  dl3015,
  dl3016,
  dl3018,
  dl3019,
  dl3020,
  dl3021,
  dl3022,
  dl3023,
  dl3024,
  dl3025,
  dl3026,
  dl3027,
  dl3028,
  dl3029,
  dl3030,
  dl3032,
  dl3033,
  dl3034,
  dl3035,
  dl3036,
  dl3037,
  dl3038,
  dl3040,
  dl3041,
  dl3042,
  dl3043,
  dl3044,
  dl3045,
  dl3046,
  dl3047,
  dl3048,
  dl3049,
  dl3050,
  dl3051,
  dl3052,
  dl3053,
  dl3054,
  dl3055,
  dl3056,
  dl3057,
  dl3058,
  dl3059,
  dl3060,
  dl3061,
  dl3062,
  dl3063,
  dl3064,
  dl3065,
  dl3066,
  dl3067,
  dl4000,
  dl4001,
  dl4003,
  dl4004,
  dl4005,
  dl4006,
  duplicateStageName,
  exposeInvalidFormat,
  exposeProtoCasing,
  fromAsCasing,
  fromPlatformFlagConstDisallowed,
  invalidBaseImagePlatform,
  invalidDefaultArgInFrom,
  invalidDefinitionDescription,
  jsonArgsRecommended,
  legacyKeyValueFormat,
  maintainerDeprecated,
  multipleInstructionsDisallowed,
  noEmptyContinuation,
  redundantTargetPlatform,
  reservedStageName,
  secretsUsedInArgOrEnv,
  stageNameCasing,
  undefinedArgInFrom,
  undefinedVar,
  wh100,
  wh101,
  wh102,
  wh103,
  wh104,
  wh105,
  wh106,
  wh107,
  wh108,
  wh109,
  wh110,
  wh111,
  wh112,
  wh113,
  wh200,
  wh201,
  wh202,
  wh203,
  wh204,
  wh205,
  wh206,
  wh300,
  wh301,
  wh302,
  wh303,
  wh304,
  wh305,
  wh306,
  wh307,
  wh308,
  wh309,
  wh310,
  workdirRelativePath,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id || (r.aliases ?? []).includes(id));
}
