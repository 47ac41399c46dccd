// `whittle fix --suggest multistage`: for a recognisable single-stage SDK build, a multi-stage rewrite to read (never applied).
import type { Dockerfile, Instruction } from '../dockerfile/model.js';

interface Recipe {
  readonly kind: string;
  /** The build step that marks the file as this kind of build. */
  readonly build: RegExp;
  readonly images: RegExp;
  render(base: string, tag: string, build: string, start: string): string;
}

const tagOf = (image: string): string => {
  const last = image.slice(image.lastIndexOf('/') + 1).split('@')[0] ?? '';
  const colon = last.indexOf(':');
  return colon < 0 ? 'latest' : last.slice(colon + 1);
};

// A runtime base in the same family: the slim variant of the SDK tag (its major version kept).
const slim = (tag: string): string => (tag === 'latest' ? 'slim' : /slim|alpine/.test(tag) ? tag : `${tag.split('-')[0] ?? tag}-slim`);

const RECIPES: readonly Recipe[] = [
  {
    kind: 'node', images: /(^|\/)node$/, build: /\bnpm run build\b|\byarn build\b/,
    render: (base, tag, build, start) => [
      `FROM ${base}:${tag} AS build`, 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', `RUN ${build}`, '',
      `FROM ${base}:${slim(tag)}`, 'WORKDIR /app', 'ENV NODE_ENV=production', 'COPY package*.json ./',
      'RUN npm ci --omit=dev && npm cache clean --force', 'COPY --from=build /app/dist ./dist', 'USER node', start,
    ].join('\n'),
  },
  {
    kind: 'python', images: /(^|\/)python$/, build: /\bpip3? install\b.*-r\s+\S+/,
    render: (base, tag, build, start) => [
      `FROM ${base}:${tag} AS build`, 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'WORKDIR /app', 'COPY requirements*.txt ./',
      `RUN ${build.replace(/\bpip3? install\b/, 'pip install --no-cache-dir')}`, '',
      `FROM ${base}:${slim(tag)}`, 'COPY --from=build /opt/venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'WORKDIR /app', 'COPY . .',
      'USER 1000:1000', start,
    ].join('\n'),
  },
  {
    kind: 'go', images: /(^|\/)golang$/, build: /\bgo build\b/,
    render: (base, tag, build, start) => [
      `FROM ${base}:${tag} AS build`, 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .',
      `RUN CGO_ENABLED=0 ${build.replace(/\bgo build\b(?!.*\s-o\s)/, 'go build -o /out/app')}`, '',
      'FROM gcr.io/distroless/static-debian12:nonroot', 'COPY --from=build /out/ /usr/local/bin/', start,
    ].join('\n'),
  },
  {
    kind: 'java-maven', images: /(^|\/)maven$/, build: /\bmvn\b.*\b(package|install|verify)\b/,
    render: (base, tag, build, start) => [
      `FROM ${base}:${tag} AS build`, 'WORKDIR /src', 'COPY pom.xml ./', 'RUN mvn -B dependency:go-offline', 'COPY . .', `RUN ${build}`, '',
      'FROM eclipse-temurin:21-jre', 'WORKDIR /app', 'COPY --from=build /src/target/*.jar ./app.jar', 'USER 1000:1000',
      start.includes('java') ? start : 'CMD ["java", "-jar", "/app/app.jar"]',
    ].join('\n'),
  },
  {
    kind: 'rust', images: /(^|\/)rust$/, build: /\bcargo build\b.*--release/,
    render: (base, tag, build, start) => [
      `FROM ${base}:${tag} AS build`, 'WORKDIR /src', 'COPY . .', `RUN ${build}`, '',
      'FROM debian:bookworm-slim', 'COPY --from=build /src/target/release/ /usr/local/bin/', 'USER 1000:1000', start,
    ].join('\n'),
  },
];

/** The rewrite as text with a header saying what it is, or null when the file is not a single-stage build we recognise. */
export function suggestMultistage(df: Dockerfile): string | null {
  if (df.stages.length !== 1) return null;
  const stage = df.stages[0];
  const from = stage?.from.from;
  if (stage === undefined || from === undefined || from.image.includes('$')) return null;
  const runs = stage.instructions.filter((i) => i.keyword === 'RUN');
  const last = (kw: string): Instruction | undefined => stage.instructions.filter((i) => i.keyword === kw).pop();
  const start = last('ENTRYPOINT') ?? last('CMD');
  const startLine = start === undefined ? 'CMD ["/usr/local/bin/app"]' : `${start.keyword} ${start.args}`;
  for (const r of RECIPES) {
    if (!r.images.test(from.name)) continue;
    const build = runs.map((i) => i.args).find((a) => r.build.test(a));
    if (build === undefined) continue;
    return `# whittle: suggested multi-stage rewrite (${r.kind}); review before use, it is never applied\n` +
      `${r.render(from.name, tagOf(from.image), build.trim(), startLine)}\n`;
  }
  return null;
}
