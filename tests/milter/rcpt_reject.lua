-- RCPT-time refusal of a look-alike on the SMTP path; a good recipient in
-- the same message continues. Port comes from MILTER (inet:PORT@HOST).
local sock = os.getenv("MILTER")
local conn = mt.connect(sock, 20, 0.25)
if conn == nil then error("cannot connect to " .. sock) end

mt.macro(conn, SMFIC_MAIL, "{auth_authen}", "alice")
if mt.mailfrom(conn, "<alice@mod.gov.uk>") ~= nil then error("mailfrom failed") end

mt.macro(conn, SMFIC_RCPT, "{rcpt_mailer}", "smtp", "{rcpt_addr}", "bob@army.ml")
if mt.rcptto(conn, "<bob@army.ml>") ~= nil then error("rcptto failed") end
if mt.getreply(conn) ~= SMFIR_REPLYCODE then error("army.ml was not refused") end

mt.macro(conn, SMFIC_RCPT, "{rcpt_mailer}", "smtp", "{rcpt_addr}", "carol@army.mil")
if mt.rcptto(conn, "<carol@army.mil>") ~= nil then error("rcptto failed") end
if mt.getreply(conn) ~= SMFIR_CONTINUE then error("army.mil did not continue") end

if mt.header(conn, "Subject", "hello") ~= nil then error("header failed") end
if mt.bodystring(conn, "hi\r\n") ~= nil then error("body failed") end
if mt.eom(conn) ~= nil then error("eom failed") end
if mt.getreply(conn) ~= SMFIR_CONTINUE then error("eom did not continue") end
mt.disconnect(conn)
