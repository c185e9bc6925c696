# syntax=docker/dockerfile:1
# The Shipshape CLI as a container: docker run --rm -v "$PWD:/src" -w /src shipshape lint .
ARG NODE_VERSION=20.19
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /build
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/ ./scripts/
COPY server/ ./server/
COPY client/ ./client/
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim
WORKDIR /app
COPY --from=build /build/dist/cli.js /app/cli.js
USER 1000
ENTRYPOINT ["node", "/app/cli.js"]
CMD ["lint", "."]
