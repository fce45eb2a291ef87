// An OLE object embedded in an Office document (Insert > Object: an icon
// standing for a packaged file, an Excel sheet or a Visio drawing inside a
// Word document): a Compound File Binary container ([MS-CFB]) in the
// package's embeddings folder (ECMA-376 Part 1, 15.2.14 oleObject parts:
// word/embeddings/oleObject1.bin). Before, any such object was held with a
// reason calling it a legacy .doc/.msg (round 43 tester 13, finding 9);
// now it is named by what it is and the file inside it is read when it
// holds one whole:
//  - "\x01Ole10Native" ([MS-OLEDS] 2.3.6 and the Object Packager's
//    native data: a size, flags, the file's name, its source path, then
//    the file's bytes): a packaged file of any kind (a PDF, a .txt, a .docx
//    dragged into the document);
//  - "Package": an Office Open XML file embedded as an object (Excel.Sheet.12,
//    Word.Document.12, PowerPoint.Show.12);
//  - "CONTENTS": Acrobat's embedded PDF (AcroExch.Document).
// What it is comes from its "\x01CompObj" stream ([MS-OLEDS] 2.3.8
// CompObjStream: the user type, "Microsoft Excel 97-2003 Worksheet", and
// the ProgID, "Excel.Sheet.8"), else the root entry's CLSID. An object
// whose content is in another format (an Excel 97-2003 "Workbook" stream,
// a Visio drawing, an Equation 3.0 object) is not read, and the caller
// reports it so by that name (fail closed).
//
// Every sector chain is bounded by the file's size and checked for loops;
// a malformed container is an error, never a crash. Pure functions.
#ifndef NEARMISS_CONTENT_OLE_OBJECT_H_
#define NEARMISS_CONTENT_OLE_OBJECT_H_

#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::content {

struct OleObject {
  // What it is, for messages: "Microsoft Excel 97-2003 Worksheet
  // (Excel.Sheet.8)", "OLE Package (Package)", "class {00020820-...}", or
  // "of a kind it does not name" (no CompObj, CLSID_NULL).
  std::string kind;
  // The file it holds whole, when it does (has_file), and its name
  // ("route.pdf"; the stream's, "Package" or "CONTENTS", when it has
  // none: the reader tells its type by its bytes).
  bool has_file = false;
  std::string file_name;
  std::string file;
};

// Reads `bytes` (a Compound File Binary container) as an embedded object.
// False with `*error` set when the container cannot be read.
bool ReadOleObject(std::string_view bytes, OleObject* out, std::string* error);

// A stream of a Compound File container, for a caller that judges the
// container by its streams (windows_shell_files.h).
struct CompoundStream {
  std::u16string name;
  std::string data;
};

// The streams of the Compound File Binary container `bytes` ([MS-CFB]),
// each read whole, and in `*storages` how many storages it has besides the
// root. False with `*error` set when the container or a stream's sector
// chain is broken.
bool ReadCompoundStreams(std::string_view bytes, std::vector<CompoundStream>* streams,
                         int* storages, std::string* error);

// Whether a package member is an embedded object's part: a member of an
// "embeddings/" folder (word/, xl/, ppt/embeddings/).
bool IsEmbeddingPath(std::string_view path);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_OLE_OBJECT_H_
