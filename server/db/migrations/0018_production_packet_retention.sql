-- Production: retention of the gateway's packet ledger (GATEWAY_PACKET_RETENTION_DAYS, server/jobs/packetRetentionTask.ts).
-- The retention job deletes gateway_packets rows received before a cut-off, oldest first in batches; this index lets
-- it find them without reading the whole ledger (≈ 13 million rows a day at a province's 1,000 values/s). Received
-- times only grow, so new entries land in the right-most leaf: a cheap index to keep up to date.
create index gateway_packets_received_at on gateway_packets (received_at);
