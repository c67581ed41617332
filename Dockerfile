# BLUP Akademiet: one image for every role of the API (issue 18).
#
#   docker build -t blup-akademiet .
#   docker run … blup-akademiet api        (or worker, migrate, seed; default: all)
#
# docker-compose.yml builds it and runs each role; docs/operations.md says how to run it.
# The build stage installs every dependency and builds the api and web projects; the runtime
# stage holds only the built files and the api's production dependencies.

# The Node the repository pins in .nvmrc.
ARG NODE_VERSION=24.21.0

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI=true
# The lockfile first, so a change to the sources reuses the installed dependencies. `npm ci`
# refuses this lock file (it lacks other platforms' optional builds of sass-embedded, which the
# registry does not have); `npm install --no-save` then installs from the same lock, as
# tools/with-node24.sh does.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund || npm install --no-save --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api web

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# The api's build writes its own package.json and package-lock.json: just the packages its
# bundle imports (no Angular, no build tools, no embedded PostgreSQL), at the root lockfile's
# versions. argon2 and sharp ship prebuilt binaries for Linux (x64 and arm64, glibc), so no
# compiler is needed; loading them here makes a missing binary fail the build, not a boot.
COPY --from=build /src/dist/apps/api/package.json /src/dist/apps/api/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
  && npm cache clean --force \
  && node -e "require('argon2'); require('sharp'); require('pg'); require('ioredis')"
COPY --from=build /src/dist/apps/api/ ./
COPY --from=build /src/dist/apps/web/browser ./web
COPY deploy/healthcheck.mjs ./
# Local video files (STORAGE_DIR) are the only thing written to disk; a named volume mounted
# here starts out owned by the unprivileged user. The code itself stays root's, read-only.
RUN mkdir -p /data/storage && chown node:node /data/storage
ENV PORT=3000 WEB_DIST=/app/web STORAGE_DIR=/data/storage
USER node
EXPOSE 3000
# On SIGTERM an API process reports not ready and finishes its requests, a worker its jobs,
# within SHUTDOWN_GRACE_SECONDS (default 25): give it at least that before the kill.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "healthcheck.mjs"]
ENTRYPOINT ["node", "main.js"]
CMD ["all"]
