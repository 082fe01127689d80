# syntax=docker/dockerfile:1

# --- build: install everything, build the web client into dist/client ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# --- runtime: production dependencies only (tsx is one: the server runs TypeScript directly) ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data CHROMIUM_PATH=/usr/bin/chromium
# PDF export renders with Debian's Chromium (server/export/pdf.ts). Fonts: DejaVu and Liberation
# for Danish text, Noto Color Emoji for the emoji people put in ideas. This is most of the
# image: Chromium with its libraries adds roughly 400-500 MB (README, "Docker").
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-liberation2 fonts-noto-color-emoji \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY tsconfig.json ./
COPY shared ./shared
COPY server ./server
COPY --from=build /app/dist/client ./dist/client
# The embedded store (used when REDIS_URL is unset) writes to $DATA_DIR; the image's `node` user owns it.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node directly (not npm/npx), so SIGTERM reaches the server and it saves pending changes before exiting.
CMD ["node", "--import", "tsx", "server/main.ts"]
