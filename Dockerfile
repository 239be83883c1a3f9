FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY deploy/model/requirements.txt ./deploy/model/requirements.txt
RUN pip install --no-cache-dir --no-deps --require-hashes -r deploy/model/requirements.txt
COPY schemas ./schemas
COPY services ./services
RUN pip install --no-cache-dir . && useradd --create-home diplowire
USER diplowire
WORKDIR /home/diplowire
ENTRYPOINT ["diplowire"]
