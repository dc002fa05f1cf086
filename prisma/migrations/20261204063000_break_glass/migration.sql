-- Break-glass local accounts (issue 18): with single sign-on configured in production, a local
-- account signs in with its password only during a period an administrator opened, with a reason.
ALTER TABLE "User"
  ADD COLUMN "breakGlassUntil" TIMESTAMPTZ(3),
  ADD COLUMN "breakGlassReason" TEXT;
