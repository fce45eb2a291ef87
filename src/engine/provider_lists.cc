// Parsers of the provider data files: data/lists/provider-regions.txt,
// data/lists/real-mail-domains.txt and data/lists/provider-web-domains.txt
// (formats in their headers).
#include <sstream>

#include "engine/embedded_lists.h"

namespace nearmiss::engine {
namespace {

Status LineError(std::string_view name, size_t line_no, std::string_view what) {
  return Status::ParseError(std::string(name) + ":" + std::to_string(line_no) + ": " +
                            std::string(what));
}

// Lines without comments, a trailing "\" joining the next one; each with the
// number of the line it starts on.
template <typename F>
Status ForEachLogicalLine(std::string_view text, std::string_view name, F&& f) {
  std::istringstream in{std::string(text)};
  std::string line, joined;
  size_t start = 0;
  for (size_t line_no = 1; std::getline(in, line); ++line_no) {
    if (size_t hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    bool more = false;
    size_t end = line.find_last_not_of(" \t\r");
    line.erase(end == std::string::npos ? 0 : end + 1);
    if (!line.empty() && line.back() == '\\') {
      line.pop_back();
      more = true;
    }
    if (joined.empty()) start = line_no;
    joined += line;
    joined += ' ';
    if (more) continue;
    if (joined.find_first_not_of(" \t") != std::string::npos) {
      NM_RETURN_IF_ERROR(f(joined, start));
    }
    joined.clear();
  }
  if (!joined.empty()) return LineError(name, start, "the last line ends in '\\'");
  return Status::Ok();
}

bool PlainDomain(std::string_view d) {
  if (d.empty() || d.find('.') == std::string_view::npos || d.front() == '.' || d.back() == '.') {
    return false;
  }
  for (char c : d) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  }
  return true;
}

}  // namespace

Result<std::vector<ProviderFamily>> ParseProviderFamilies(std::string_view text,
                                                         std::string_view name) {
  std::vector<ProviderFamily> out;
  NM_RETURN_IF_ERROR(ForEachLogicalLine(text, name, [&](const std::string& line, size_t no) {
    std::istringstream fields(line);
    ProviderFamily f;
    fields >> f.name >> f.home;
    if (f.home.empty()) return LineError(name, no, "expected 'NAME HOME [DOMAIN...]'");
    if (!PlainDomain(f.home) || f.home.substr(0, f.home.find('.')) != f.name) {
      return LineError(name, no, "the home domain '" + f.home + "' is not NAME under a suffix");
    }
    for (std::string d; fields >> d;) {
      if (!PlainDomain(d)) return LineError(name, no, "'" + d + "' is not a lower-case domain");
      f.domains.push_back(std::move(d));
    }
    out.push_back(std::move(f));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<std::string>> ParseWordNames(std::string_view text, std::string_view name) {
  std::vector<std::string> out;
  NM_RETURN_IF_ERROR(ForEachLogicalLine(text, name, [&](const std::string& line, size_t no) {
    std::istringstream fields(line);
    std::string word, why;
    fields >> word >> why;
    if (why.empty() || word.find('.') != std::string::npos || PlainDomain(word + ".x") == false) {
      return LineError(name, no, "expected 'NAME WHY' with a lower-case name and no dot");
    }
    out.push_back(std::move(word));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<RealMailDomain>> ParseRealMailDomains(std::string_view text,
                                                        std::string_view name) {
  std::vector<RealMailDomain> out;
  NM_RETURN_IF_ERROR(ForEachLogicalLine(text, name, [&](const std::string& line, size_t no) {
    std::istringstream fields(line);
    RealMailDomain r;
    fields >> r.domain;
    std::getline(fields >> std::ws, r.note);
    while (!r.note.empty() && r.note.back() == ' ') r.note.pop_back();
    if (!PlainDomain(r.domain) || r.note.empty()) {
      return LineError(name, no, "expected 'DOMAIN NOTE' with a lower-case domain");
    }
    out.push_back(std::move(r));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<ProviderWebDomain>> ParseProviderWebDomains(std::string_view text,
                                                              std::string_view name) {
  std::vector<ProviderWebDomain> out;
  NM_RETURN_IF_ERROR(ForEachLogicalLine(text, name, [&](const std::string& line, size_t no) {
    std::istringstream fields(line);
    ProviderWebDomain w;
    std::string source;
    fields >> w.web >> w.mail >> source;
    // "*.fastmail.com fastmail.com SOURCE": the domain's hosts are mail
    // domains (kept as web "*.fastmail.com"; the detector reads it so).
    const bool hosts_are_domains = w.web.starts_with("*.") && w.web.substr(2) == w.mail;
    // "google.* gmail.com SOURCE": the name under any public suffix is the
    // provider's web domain (google.co.uk, google.de; the detector reads it).
    const bool any_suffix = w.web.ends_with(".*") && w.web.size() > 2 &&
                            w.web.find('.') == w.web.size() - 2 &&
                            PlainDomain(w.web.substr(0, w.web.size() - 2) + ".com");
    if ((!hosts_are_domains && !any_suffix && !PlainDomain(w.web)) || !PlainDomain(w.mail) ||
        source.empty() || w.web == w.mail) {
      return LineError(name, no,
                       "expected 'WEB-DOMAIN MAIL-DOMAIN SOURCE' with two lower-case domains, "
                       "'NAME.* MAIL-DOMAIN SOURCE' or '*.DOMAIN DOMAIN SOURCE'");
    }
    out.push_back(std::move(w));
    return Status::Ok();
  }));
  return out;
}

}  // namespace nearmiss::engine
