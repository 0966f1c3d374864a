# SafetyMap relay/API/web server, one image for every instance (docs/deployment.md).
#   docker build -t safetymap .
#   docker run -p 8080:8080 -v safetymap-data:/data safetymap        # one instance, SQLite in /data
# Several instances: set DATABASE_URL and REDIS_URL (see compose.yaml).

ARG NODE_IMAGE=node:20-bookworm-slim
ARG PNPM_VERSION=10.34.9

# Toolchain for better-sqlite3's native build (it compiles from source on install).
FROM ${NODE_IMAGE} AS toolchain
ARG PNPM_VERSION
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/* \
 && npm install -g pnpm@${PNPM_VERSION}
WORKDIR /app
# Manifests first, so dependency layers are reused while only source changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/web/package.json apps/web/
COPY packages/map-model/package.json packages/map-model/
COPY packages/tldraw-yjs/package.json packages/tldraw-yjs/
COPY server/package.json server/
COPY tests/package.json tests/

# Everything, to build the web app.
FROM toolchain AS build
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @safetymap/web build

# Production dependencies only (the server runs its TypeScript through tsx, a server dependency).
FROM toolchain AS prod-deps
RUN pnpm install --frozen-lockfile --prod

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=prod-deps --chown=node:node /app ./
COPY --chown=node:node package.json ./
COPY --chown=node:node packages ./packages
COPY --chown=node:node server ./server
COPY --from=build --chown=node:node /app/apps/web/dist ./apps/web/dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
# Ready = accepting sync connections (503 while shutting down); the load balancer uses the same path.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
WORKDIR /app/server
# SIGTERM flushes every open map and closes sockets with a retryable code (RL-11).
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/main.ts"]
