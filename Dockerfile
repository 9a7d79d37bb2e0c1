# syntax=docker/dockerfile:1
# Paraat as a container image: a build stage with the devDependencies (vite, SvelteKit) that
# makes build/, a stage with only the production dependencies, and a small runtime stage that
# runs as the unprivileged `node` user. No secrets are baked in: DATABASE_URL, ORIGIN,
# PARAAT_SECRET_KEY and PARAAT_METRICS_TOKEN come from the environment at run time.
# (No container engine runs on Paraat's development machines; see docs/operations.md.)
ARG NODE_IMAGE=node:24-trixie-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci refuses a lock without every optional platform package (npm/cli#4828); npm install
# then installs the same locked versions.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN (npm ci --omit=dev --no-audit --no-fund || npm install --omit=dev --no-audit --no-fund) && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    PARAAT_SKIP_BUILD=1
WORKDIR /app
# Owned by root and only readable for the app's user: the process cannot change its own code.
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY package.json package-lock.json ./
COPY migrations ./migrations
COPY src ./src
USER node
EXPOSE 3000
# Liveness: the process answers. (compose.yaml asks /readyz to order the start of the proxy.)
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM starts the graceful shutdown (finish requests, move sockets, close the pool).
STOPSIGNAL SIGTERM
# The production start from the artefact (what `npm run serve` runs); node itself as PID 1 so
# the signal reaches Paraat directly.
CMD ["node", "src/lib/server/runtime/launch.cjs", "src/lib/server/runtime/serve.ts"]
