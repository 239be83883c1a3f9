FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY schemas ./schemas
COPY services ./services
RUN pip install --no-cache-dir . && useradd --create-home diplowire
USER diplowire
WORKDIR /home/diplowire
ENTRYPOINT ["diplowire"]
