# syntax=docker/dockerfile:1
# DSPT Support Portal: one image for the api (default command) and the worker
# (`node dist/apps/worker/main.js`); the CLI is `node dist/apps/api/cli.js migrate | seed`.
# The api and worker log in with DATABASE_URL (the app's own role, never a superuser); only the CLI
# takes DATABASE_OWNER_URL, and `migrate` creates the app's login from DATABASE_URL.

# ---- build: install everything, build api, worker and web ----
FROM node:24-bookworm-slim AS build
WORKDIR /app
# The e2e browser is Debian's Chromium, never Playwright's download; Nx runs without daemon or cloud.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    NX_DAEMON=false \
    NX_NO_CLOUD=true
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
RUN npx nx run-many -t build --projects=api,worker,web

# ---- runtime: production dependencies and the built apps only ----
FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
COPY package.json package-lock.json .npmrc ./
# The bundles keep npm packages external, so they need node_modules; install scripts are not needed at
# run time (the only ones are for local tooling such as the embedded PostgreSQL).
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
