# Multi-stage build: compile the web and the server, then run them as a non-root user.
# The base image is pinned by tag and digest; refresh both together (docker-compose.yml says how).
ARG NODE_IMAGE=node:24.18.1-bookworm-slim@sha256:235600a8101ab264e117b1768e925532262668dc9b581ef1dd7d96ced463b8e7

FROM ${NODE_IMAGE} AS build
# argon2 compiles its native module at install (its prebuilt Linux binary is not usable here).
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Only production dependencies go on: the runtime runs compiled JavaScript (no tsx, no Vite).
RUN npm run build && npm prune --omit=dev

FROM ${NODE_IMAGE} AS runtime
# Notices are rendered as PDF on the server with a CJK font (see server/src/lib/pdf.ts).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/web/dist ./web/dist
USER node
EXPOSE 3000 9464
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Indexes and data upgrades run as an explicit step before the server starts (never autoIndex).
CMD ["sh", "-c", "node dist/scripts/db-migrate.js && exec node dist/server/src/index.js"]

# The backup service (docker-compose.yml `backup`): the same compiled scripts plus MongoDB's
# database tools (mongodump, mongorestore) from MongoDB's Debian 12 repository, pinned to one
# version. `docker build --target backup` needs that repository reachable, like the npm registry.
FROM runtime AS backup
ARG MONGO_TOOLS_VERSION=100.12.0
USER root
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gnupg \
  && curl -fsSL https://pgp.mongodb.com/server-8.0.asc | gpg --dearmor -o /usr/share/keyrings/mongodb-8.0.gpg \
  && echo "deb [signed-by=/usr/share/keyrings/mongodb-8.0.gpg] https://repo.mongodb.org/apt/debian bookworm/mongodb-org/8.0 main" \
     > /etc/apt/sources.list.d/mongodb-org-8.0.list \
  && apt-get update && apt-get install -y --no-install-recommends "mongodb-database-tools=${MONGO_TOOLS_VERSION}" \
  && apt-get purge -y --auto-remove curl gnupg && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /backups && chown node:node /backups
USER node
HEALTHCHECK NONE
CMD ["node", "dist/scripts/ops/backup.js"]
