# Production-like image: the server and the built console. Postgres comes from docker-compose.
FROM node:20-bookworm-slim
RUN npm install -g pnpm@12.21.0
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
WORKDIR /app/apps/server
CMD ["node", "--import", "tsx", "src/main.ts"]
