# syntax=docker/dockerfile:1
# Web image: the built SPA served by nginx, which also proxies the API.
# Build context is the repository root:
#   docker build -f infra/nginx.Dockerfile -t khuyencong/web:0.1.0 .

# ---- build the SPA ----
FROM node:20-bookworm-slim AS build
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# ---- serve ----
FROM nginx:1.27-alpine
COPY infra/nginx/default.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/frontend/dist/ /usr/share/nginx/html/
EXPOSE 80
HEALTHCHECK --interval=10s --timeout=5s --retries=10 \
  CMD wget -q -O /dev/null http://127.0.0.1/nginx-health || exit 1
