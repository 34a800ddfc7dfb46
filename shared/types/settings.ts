export type Language = 'en' | 'mr' | 'hi';

export interface Settings {
  tallyHost: string;
  tallyPort: number;
  /** Minutes between automatic syncs; 0 = off. */
  autoSyncMinutes: number;
  language: Language;
  cache: {
    redisEnabled: 'auto' | 'true' | 'false';
    redisUrl: string;
    /** REDIS_SENTINELS ("host:port, host:port"), '' when unset. */
    sentinels?: string;
    /** REDIS_SENTINEL_NAME, '' when unset. */
    sentinelName?: string;
    /** REDIS_CLUSTER_NODES ("host:port, host:port"), '' when unset. */
    clusterNodes?: string;
    keyPrefix: string;
    defaultTtlSeconds: number;
    ttls: Record<string, number>;
  };
  portal: {
    enabled: boolean;
    bindAddress: string;
    port: number;
  };
}
