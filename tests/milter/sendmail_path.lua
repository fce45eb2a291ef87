-- The sendmail(1) path (no {rcpt_mailer}, bare address): never refused at
-- RCPT; the message is refused at end of message with the reason instead.
local conn = mt.connect(os.getenv("MILTER"), 20, 0.25)
if conn == nil then error("cannot connect") end
if mt.mailfrom(conn, "alice@mod.gov.uk") ~= nil then error("mailfrom failed") end
if mt.rcptto(conn, "bob@army.ml") ~= nil then error("rcptto failed") end
if mt.getreply(conn) ~= SMFIR_CONTINUE then error("refused at RCPT on the sendmail path") end
if mt.header(conn, "Subject", "hello") ~= nil then error("header failed") end
if mt.eom(conn) ~= nil then error("eom failed") end
if mt.getreply(conn) ~= SMFIR_REPLYCODE then error("message not refused at end") end
mt.disconnect(conn)
