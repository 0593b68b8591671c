import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client";

export function createPrismaClient(url: string, maxConnections = 10): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString: url,
      max: maxConnections,
      // adapter-pg reads timestamptz from raw queries ($queryRaw) without its
      // offset: with the session in UTC the values it returns are exact,
      // whatever the server's or the process's time zone.
      options: "-c TimeZone=UTC",
    }),
  });
}
