# Production-like image: the server and the built console. Postgres comes from docker-compose.
FROM node:20-bookworm-slim
RUN npm install -g pnpm@12.21.0
WORKDIR /app
COPY . .
# pnpm build: the console (Vite, precompressed) and the server with the workspace packages it imports,
# compiled to JavaScript (apps/server/scripts/build.mjs), so the server starts with plain Node.
RUN pnpm install --frozen-lockfile && pnpm build
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
WORKDIR /app/apps/server
# = `pnpm start:prod`, without pnpm in between so the server gets the stop signal itself;
# amk-compiled sends the workspace packages' imports to their dist/ (see the build script).
CMD ["node", "--conditions=amk-compiled", "--enable-source-maps", "dist/main.js"]
