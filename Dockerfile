# The portal as a container image: build with the .NET SDK, run on the ASP.NET Core runtime only.
#   docker build -t partnership-portal .
# docker-compose.yml runs it next to SQL Server; docs/operations.md describes a production start.
# Not built on the development machines (they have no Docker engine): see docs/operations.md, "What was not run here".

# ---- build ----------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the files that decide the package graph only, so the layer is reused until a
# project file or a central package version changes. Central package management: the versions live in
# Directory.Packages.props; Directory.Build.props and .editorconfig make the build here the same as on a
# developer's machine (warnings as errors, code style enforced).
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Partnership.Core/Partnership.Core.csproj src/Partnership.Core/
COPY src/Partnership.Infrastructure/Partnership.Infrastructure.csproj src/Partnership.Infrastructure/
COPY src/Partnership.Migrations.Sqlite/Partnership.Migrations.Sqlite.csproj src/Partnership.Migrations.Sqlite/
COPY src/Partnership.Migrations.SqlServer/Partnership.Migrations.SqlServer.csproj src/Partnership.Migrations.SqlServer/
COPY src/Partnership.Web/Partnership.Web.csproj src/Partnership.Web/
RUN dotnet restore src/Partnership.Web/Partnership.Web.csproj

# The web project references both migrations projects, so the published app can migrate SQLite or SQL Server.
COPY src/ src/
# The accessibility statement's automated-check results are compiled into the web project (docs/adr/0091).
COPY docs/accessibility/axe-results.json docs/accessibility/
RUN dotnet publish src/Partnership.Web/Partnership.Web.csproj \
        --configuration Release --no-restore --output /app/publish -p:UseAppHost=false

# ---- runtime --------------------------------------------------------------------------------------
# Ubuntu 24.04 based; brings ICU (ja-JP culture, the Japanese calendar) and tzdata (Asia/Tokyo), both
# of which JapanTime needs. It has no curl or wget, so there is no HEALTHCHECK here: the load balancer
# (or docker-compose.yml) asks GET /health.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# ASPNETCORE_URLS takes precedence over the base image's ASPNETCORE_HTTP_PORTS (also 8080).
# Portal__DataDirectory holds the SQLite database (when Database__Provider is Sqlite), the log files (logs/)
# and, with DataProtection__Keys=FileSystem, the Data Protection keys (keys/; by default they are in the
# database). It is outside the content root /app on purpose.
ENV ASPNETCORE_URLS=http://+:8080 \
    Portal__DataDirectory=/data

# The data directory belongs to the non-root user before it becomes a volume, so a new named volume
# starts out writable by that user.
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data
VOLUME /data

COPY --from=build /app/publish .

# APP_UID (1654) is the base image's non-root user "app". The application files stay owned by root,
# so the running process cannot change them.
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "Partnership.Web.dll"]
