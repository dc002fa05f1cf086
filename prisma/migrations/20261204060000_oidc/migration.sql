-- OpenID Connect single sign-on (issue 18): users found by provider and subject, sessions that
-- remember the provider's session for back-channel logout and re-authentication, pending sign-ins,
-- and the administrators' claim → centre + role mapping.
ALTER TABLE "User"
  ADD COLUMN "oidcProvider" TEXT,
  ADD COLUMN "oidcSubject" TEXT;
CREATE UNIQUE INDEX "User_oidcProvider_oidcSubject_key" ON "User"("oidcProvider", "oidcSubject");

ALTER TABLE "Session"
  ADD COLUMN "oidcProvider" TEXT,
  ADD COLUMN "oidcSid" TEXT,
  ADD COLUMN "oidcSubject" TEXT,
  ADD COLUMN "authTime" TIMESTAMPTZ(3);
CREATE INDEX "Session_oidcProvider_oidcSid_idx" ON "Session"("oidcProvider", "oidcSid");
CREATE INDEX "Session_oidcProvider_oidcSubject_idx" ON "Session"("oidcProvider", "oidcSubject");

CREATE TABLE "OidcLogin" (
    "stateHash" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "maxAge" INTEGER,
    "returnTo" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OidcLogin_pkey" PRIMARY KEY ("stateHash")
);
CREATE INDEX "OidcLogin_expiresAt_idx" ON "OidcLogin"("expiresAt");

CREATE TABLE "OidcClaimMapping" (
    "id" UUID NOT NULL,
    "providerId" TEXT NOT NULL,
    "claim" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "centreId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "OidcClaimMapping_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "OidcClaimMapping_providerId_claim_value_centreId_key" ON "OidcClaimMapping"("providerId", "claim", "value", "centreId");
CREATE INDEX "OidcClaimMapping_providerId_idx" ON "OidcClaimMapping"("providerId");
ALTER TABLE "OidcClaimMapping" ADD CONSTRAINT "OidcClaimMapping_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;
