#include "content/zip_archive.h"

#include <cstdint>
#include <utility>

#include "content/inflate_budget.h"
#include "content/zip_framing.h"

namespace nearmiss::content {
namespace {

struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

}  // namespace

ZipArchive::ZipArchive(std::string_view name, std::string_view bytes,
                       Extracted* out)
    : name_(name), out_(out) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    out_->errors.push_back(name_ + ": " + zip_error_strerror(&error));
    zip_error_fini(&error);
    return;
  }
  zip_.reset(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!zip_) {
    zip_source_free(source);
    out_->errors.push_back(name_ + ": not a readable zip archive: " +
                           zip_error_strerror(&error));
  }
  zip_error_fini(&error);
  // The framing's error, if any, is the caller's to report (archive_text.cc);
  // here only the local headers' encryption bits are wanted.
  ZipFrame frame;
  std::string ignored;
  if (zip_) {
    (void)FrameZip(bytes, &frame, &ignored);
    local_encrypted_ = std::move(frame.local_encrypted);
  }
}

zip_int64_t ZipArchive::size() const {
  return zip_ ? zip_get_num_entries(zip_.get(), 0) : 0;
}

const char* ZipArchive::Name(zip_uint64_t index) const {
  return zip_get_name(zip_.get(), index, ZIP_FL_ENC_GUESS);
}

std::string_view ZipArchive::Comment() const {
  int length = 0;
  const char* c = zip_get_archive_comment(zip_.get(), &length, ZIP_FL_ENC_GUESS);
  return c != nullptr && length > 0 ? std::string_view(c, static_cast<std::size_t>(length))
                                    : std::string_view();
}

std::string_view ZipArchive::Comment(zip_uint64_t index) const {
  zip_uint32_t length = 0;
  const char* c = zip_file_get_comment(zip_.get(), index, &length, ZIP_FL_ENC_GUESS);
  return c != nullptr ? std::string_view(c, length) : std::string_view();
}

bool ZipArchive::MethodSupported(zip_uint64_t index) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_.get(), index, 0, &st) != 0 ||
      (st.valid & ZIP_STAT_COMP_METHOD) == 0) {
    return true;  // Read reports what it cannot read
  }
  return zip_compression_method_supported(st.comp_method, 0) != 0;
}

bool ZipArchive::HoldsBytes(zip_uint64_t index) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_.get(), index, 0, &st) != 0) return true;  // Read says why
  return ((st.valid & ZIP_STAT_SIZE) != 0 && st.size != 0) ||
         ((st.valid & ZIP_STAT_COMP_SIZE) != 0 && st.comp_size != 0);
}

bool ZipArchive::Encrypted(zip_uint64_t index) const {
  if (index < local_encrypted_.size() && local_encrypted_[index]) return true;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_.get(), index, 0, &st) != 0) return false;
  return (st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 &&
         st.encryption_method != ZIP_EM_NONE;
}

void ZipArchive::Limit(std::string bound, std::string detail) {
  out_->limits.push_back({std::move(bound), std::move(detail)});
  stopped_ = true;
}

bool ZipArchive::Read(zip_uint64_t index, ExtractBudget& budget,
                      std::size_t* used, std::string* data) {
  zip_stat_t st;
  zip_stat_init(&st);
  std::size_t compressed = 0;
  if (zip_stat_index(zip_.get(), index, 0, &st) == 0 &&
      (st.valid & ZIP_STAT_COMP_SIZE) != 0) {
    compressed = static_cast<std::size_t>(st.comp_size);
  }
  const char* member = Name(index);
  std::string where = name_ + "/" + (member != nullptr ? member : "?");
  std::unique_ptr<zip_file_t, FileCloser> f(
      zip_fopen_index(zip_.get(), index, 0));
  if (!f) {
    out_->errors.push_back(where + ": " + zip_strerror(zip_.get()));
    return false;
  }
  char buf[64 * 1024];
  for (;;) {
    zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
    if (n < 0) {
      out_->errors.push_back(where + ": corrupt member: " +
                             zip_file_strerror(f.get()));
      return false;
    }
    if (n == 0) return true;
    std::size_t got = static_cast<std::size_t>(n);
    if (auto hit = ChargeInflated(budget, name_, where, got, data->size() + got,
                                  compressed, used)) {
      Limit(std::move(hit->bound), std::move(hit->detail));
      return false;
    }
    data->append(buf, got);
  }
}

}  // namespace nearmiss::content
