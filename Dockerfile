# Production image: the API against an external PostgreSQL (DATABASE_URL), migrations applied on start.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --omit=dev --ignore-scripts && npx prisma generate
COPY tsconfig.json ./
COPY src ./src
COPY seeds ./seeds
COPY schema.graphql ./
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:4000/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# node itself is PID 1 (exec form, no npx/sh wrapper): `docker stop`'s SIGTERM must reach the server
# for a graceful shutdown. Through npx, only npx died and the server was killed with the container.
CMD ["node", "--import", "tsx", "src/server/main.ts"]
