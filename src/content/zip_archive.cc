#include "content/zip_archive.h"

#include <algorithm>

namespace nearmiss::content {
namespace {

struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// Below this many inflated bytes the ratio is not judged: a tiny member of
// repeated spaces compresses far past any ratio and is harmless.
constexpr std::size_t kRatioFloorBytes = 1u << 20;

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
}

zip_int64_t ZipArchive::size() const {
  return zip_ ? zip_get_num_entries(zip_.get(), 0) : 0;
}

const char* ZipArchive::Name(zip_uint64_t index) const {
  return zip_get_name(zip_.get(), index, ZIP_FL_ENC_GUESS);
}

bool ZipArchive::Encrypted(zip_uint64_t index) const {
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
    if (*used + got > budget.per_attachment_bytes) {
      Limit("max-attachment-bytes",
            name_ + ": decompressed size exceeds " +
                std::to_string(budget.per_attachment_bytes) + " bytes");
      return false;
    }
    if (got > budget.total_bytes_left) {
      Limit("max-total-bytes",
            name_ + ": decompressed size exceeds the message's total budget");
      return false;
    }
    *used += got;
    budget.total_bytes_left -= got;
    data->append(buf, got);
    if (data->size() > kRatioFloorBytes &&
        data->size() / std::max<std::size_t>(compressed, 1) >
            budget.max_compression_ratio) {
      Limit("max-compression-ratio",
            where + ": inflates more than " +
                std::to_string(budget.max_compression_ratio) +
                " times its compressed size");
      return false;
    }
    if (budget.TimeUp()) {
      Limit("max-extraction-time", name_ + ": extraction time limit reached");
      return false;
    }
  }
}

}  // namespace nearmiss::content
