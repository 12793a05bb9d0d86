#!/bin/sh
# Fills in the broker configuration from the environment, formats the data directory on the first
# start (KRaft needs a cluster id) and runs the broker in the foreground.
set -eu
CONFIG=/var/lib/kafka/server.properties
DATA=/var/lib/kafka/data
sed -e "s|@NODE_ID@|${KAFKA_NODE_ID}|g" \
    -e "s|@LISTEN_HOST@|${KAFKA_LISTEN_HOST}|g" \
    -e "s|@ADVERTISED_HOST@|${KAFKA_ADVERTISED_HOST}|g" \
    -e "s|@PORT@|${KAFKA_PORT}|g" \
    -e "s|@CONTROLLER_PORT@|${KAFKA_CONTROLLER_PORT}|g" \
    -e "s|@LOG_DIRS@|${DATA}|g" \
    /opt/kafka/server.properties.template > "$CONFIG"
CP='/opt/kafka/libs/*'
LOG="-Dlog4j2.configurationFile=/opt/kafka/log4j2.properties"
if [ ! -f "$DATA/meta.properties" ]; then
  CLUSTER_ID="${KAFKA_CLUSTER_ID:-$(java -cp "$CP" $LOG kafka.tools.StorageTool random-uuid)}"
  java -Xmx256m -cp "$CP" $LOG kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$CONFIG"
fi
exec java $KAFKA_HEAP_OPTS -XX:+UseG1GC $LOG -cp "$CP" kafka.Kafka "$CONFIG"
