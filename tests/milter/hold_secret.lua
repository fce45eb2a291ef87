-- A SECRET message to an external recipient is quarantined (Postfix: hold)
-- with an X-Nearmiss header saying why; a forged X-Nearmiss is removed.
local conn = mt.connect(os.getenv("MILTER"), 20, 0.25)
if conn == nil then error("cannot connect") end
if mt.mailfrom(conn, "<alice@mod.gov.uk>") ~= nil then error("mailfrom failed") end
mt.macro(conn, SMFIC_RCPT, "{rcpt_mailer}", "smtp")
if mt.rcptto(conn, "<dave@example.com>") ~= nil then error("rcptto failed") end
if mt.getreply(conn) ~= SMFIR_CONTINUE then error("external refused at RCPT") end
if mt.header(conn, "X-Nearmiss", "accept; forged") ~= nil then error("header failed") end
if mt.header(conn, "Subject", "SECRET: the plan") ~= nil then error("header failed") end
if mt.bodystring(conn, "SECRET\r\n\r\nThe plan.\r\n") ~= nil then error("body failed") end
if mt.eom(conn) ~= nil then error("eom failed") end
if not mt.eom_check(conn, MT_QUARANTINE) then error("not quarantined") end
if not mt.eom_check(conn, MT_HDRADD, "X-Nearmiss") then error("no X-Nearmiss header") end
if not mt.eom_check(conn, MT_HDRDELETE, "X-Nearmiss") then error("forged header kept") end

-- A second message on the same connection: harmless, accepted untouched.
if mt.mailfrom(conn, "<alice@mod.gov.uk>") ~= nil then error("mailfrom 2 failed") end
mt.macro(conn, SMFIC_RCPT, "{rcpt_mailer}", "smtp")
if mt.rcptto(conn, "<dave@example.com>") ~= nil then error("rcptto 2 failed") end
if mt.header(conn, "Subject", "lunch?") ~= nil then error("header 2 failed") end
if mt.eom(conn) ~= nil then error("eom 2 failed") end
if mt.getreply(conn) ~= SMFIR_CONTINUE then error("second message not accepted") end
if mt.eom_check(conn, MT_QUARANTINE) then error("second message quarantined") end
mt.disconnect(conn)
