// Saving documents: validate first, then write atomically (temporary file in the same folder,
// fsync, rename over the old file, fsync the folder). A plan revision goes to the next free
// "NAME.vN.yaml" beside the old plan and never replaces an existing file.
#include "authoring/saving.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <random>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace drillsim::authoring {

namespace fs = std::filesystem;

namespace {

std::string reason(const std::string& what) { return what + ": " + std::strerror(errno); }

// Writes all of `text` to `fd`; false on failure (errno set).
bool write_all(int fd, std::string_view text) {
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

bool sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

enum class Replace { yes, no };

// The temporary file is written and flushed, then renamed over `path` (Replace::yes) or linked to
// it only when `path` does not exist yet (Replace::no). On any failure it is removed.
bool write_atomically(const std::string& path, std::string_view text, Replace replace, std::string& error) {
  const fs::path target(path);
  const fs::path folder = target.parent_path();
  std::error_code ec;
  if (fs::is_directory(target, ec)) {
    error = path + ": is a directory, not a file";
    return false;
  }
  // A name of our own in the same folder (same file system, so the rename is atomic).
  std::random_device random;
  std::string temp;
  int fd = -1;
  for (int attempt = 0; attempt < 20 && fd < 0; ++attempt) {
    temp = (folder / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid()) + "_" +
                      std::to_string(random() % 1000000)))
               .string();
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) {
    error = reason("cannot create a temporary file in " + (folder.empty() ? std::string(".") : folder.string()));
    return false;
  }
  // Keep the old file's permissions.
  struct stat old {};
  if (::stat(path.c_str(), &old) == 0) ::fchmod(fd, old.st_mode & 07777);

  auto fail = [&](const std::string& what) {
    error = reason(what);
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    return false;
  };
  if (!write_all(fd, text)) return fail("cannot write " + temp);
  if (::fsync(fd) != 0) return fail("cannot flush " + temp + " to disk");
  const int closed = ::close(fd);
  fd = -1;
  if (closed != 0) return fail("cannot close " + temp);
  if (replace == Replace::yes) {
    if (::rename(temp.c_str(), path.c_str()) != 0) return fail("cannot rename " + temp + " to " + path);
  } else {
    if (::link(temp.c_str(), path.c_str()) != 0) {
      const int saved = errno;
      ::unlink(temp.c_str());
      errno = saved;
      error = saved == EEXIST ? path + ": already exists (a new version never replaces a file)"
                              : reason("cannot create " + path);
      return false;
    }
    ::unlink(temp.c_str());
  }
  // The file is in place; should this fail, only the folder's entry may not be on disk yet: the
  // save is not reported as failed for that.
  (void)sync_folder(folder);
  return true;
}

SaveResult save_checked(const Document& doc, const std::vector<const Document*>& unsaved, Replace replace) {
  SaveResult result;
  result.path = doc.path;
  if (doc.path.empty()) {
    result.error = "the document has no file name";
    return result;
  }
  Validation checked = validate(doc, unsaved);
  if (!checked.ok()) {
    result.problems = std::move(checked.problems);
    return result;
  }
  result.ok = write_atomically(doc.path, saved_text(doc), replace, result.error);
  return result;
}

}  // namespace

bool read_whole_file(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream all;
  all << in.rdbuf();
  text = all.str();
  return !in.bad();
}

bool write_file_atomically(const std::string& path, std::string_view text, std::string& error) {
  return write_atomically(path, text, Replace::yes, error);
}

bool write_new_file_atomically(const std::string& path, std::string_view text, std::string& error) {
  return write_atomically(path, text, Replace::no, error);
}

SaveResult save_document(const Document& doc, const std::vector<const Document*>& unsaved) {
  return save_checked(doc, unsaved, Replace::yes);
}

std::string next_version_path(const std::string& path) {
  const fs::path p(path);
  std::string extension = p.extension().string();  // ".yaml"
  std::string stem = p.stem().string();            // "plan" or "plan.v2"
  int next = 2;
  const auto dot = stem.rfind(".v");
  if (dot != std::string::npos && dot + 2 < stem.size() &&
      stem.find_first_not_of("0123456789", dot + 2) == std::string::npos && stem.size() - dot - 2 < 9) {
    next = std::stoi(stem.substr(dot + 2)) + 1;
    stem.resize(dot);
  }
  while (true) {
    const fs::path candidate = p.parent_path() / (stem + ".v" + std::to_string(next) + extension);
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(candidate, ec))) return candidate.string();
    ++next;
  }
}

SaveResult save_new_version(Document& doc, const std::string& version) {
  Document revised = doc;
  revised.path = next_version_path(doc.path);
  if (!version.empty()) {
    DocNode* body = revised.body();
    if (!body || !body->is_map() || revised.kind() != "plan") {
      SaveResult result;
      result.path = revised.path;
      result.error = doc.path + ": only a plan is saved as a new version";
      return result;
    }
    DocNode* field = body->find("version");
    if (field && field->is_scalar()) {
      field->value = version;
      field->quoted = true;
    } else {
      body->set("version", DocNode::text(version, true));
    }
  }
  // Other unsaved documents are not passed: the new version stands on the saved files.
  SaveResult result = save_checked(revised, {}, Replace::no);
  if (result.ok) doc = std::move(revised);
  return result;
}

}  // namespace drillsim::authoring
