-- Abort mid-message, then an OFFICIAL-SENSITIVE message to an external
-- recipient on the same connection: delivered with the tag header.
local conn = mt.connect(os.getenv("MILTER"), 20, 0.25)
if conn == nil then error("cannot connect") end
if mt.mailfrom(conn, "<alice@mod.gov.uk>") ~= nil then error("mailfrom failed") end
mt.macro(conn, SMFIC_RCPT, "{rcpt_mailer}", "smtp")
if mt.rcptto(conn, "<dave@example.com>") ~= nil then error("rcptto failed") end
if mt.header(conn, "Subject", "SECRET: aborted") ~= nil then error("header failed") end
if mt.abort(conn) ~= nil then error("abort failed") end
if mt.mailfrom(conn, "<alice@mod.gov.uk>") ~= nil then error("mailfrom 2 failed") end
mt.macro(conn, SMFIC_RCPT, "{rcpt_mailer}", "smtp")
if mt.rcptto(conn, "<dave@example.com>") ~= nil then error("rcptto 2 failed") end
if mt.header(conn, "Subject", "OFFICIAL-SENSITIVE: budget") ~= nil then error("header failed") end
if mt.eom(conn) ~= nil then error("eom failed") end
if mt.eom_check(conn, MT_QUARANTINE) then error("tagged message was quarantined") end
if not mt.eom_check(conn, MT_HDRADD, "X-Nearmiss") then error("no tag header") end
mt.disconnect(conn)
