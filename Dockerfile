# syntax=docker/dockerfile:1
# Production image: the API against an external PostgreSQL (DATABASE_URL), migrations applied on
# start. Two stages: the build stage has the whole toolchain; the image gets only its output (dist/)
# and the production dependencies. tests/docker-compose.test.ts runs these steps outside Docker.

# Build: TypeScript compiled to dist/app, the IDE bundled to dist/ide (the install's postinstall
# also runs prisma generate, whose client is compiled with the rest).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY ide ./ide
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# Run: production dependencies only (no TypeScript, tsx, esbuild, embedded PostgreSQL or GraphiQL
# sources), no install scripts (nothing left to generate), as the unprivileged `node` user.
# --omit=optional too: TypeScript is an optional peer of Prisma's, which would keep it (the only
# other optional package is pg-cloudflare, for Cloudflare Workers).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund
# The Prisma CLI (a production dependency) applies prisma/migrations on start, configured by prisma.config.ts.
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY seeds ./seeds
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:4000/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# node itself is PID 1 (exec form, no npm/sh wrapper): `docker stop`'s SIGTERM must reach the server
# for a graceful shutdown.
CMD ["node", "dist/app/server/main.js"]
