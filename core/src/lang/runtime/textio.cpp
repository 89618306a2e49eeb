// lang/runtime/textio.cpp — sys.stdout and sys.stderr as io.TextIOWrapper keeps them (Modules/
// _io/textio.c, 3.11).
//
// Writing does not go straight to the file: TextIOWrapper.write keeps pending chunks — the
// str itself for ASCII text, an encoded bytes object otherwise — and as soon as a second chunk
// arrives it puts them in a list. That list is a real (GC-tracked) object: it is why
// gc.get_count() moves after a print(). The chunks are flushed (joined into one bytes object and
// handed to the buffer) when 8192 bytes are pending, at every newline for stderr (line
// buffered), on flush(), and at exit.
//
// State: the stream object's refs[0] is the pending chunk or list, fval the pending byte
// count, ival 1 (stdout) or 2 (stderr). The program's output is recorded at write time.
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {
constexpr double kChunkSize = 8192;
}

void Interp::textio_flush(ObjId stream) {
    if (!stream || obj(stream).refs.empty()) return;
    ObjId pending = obj(stream).refs[0];
    if (!pending) return;
    const auto count = static_cast<std::size_t>(obj(stream).fval);
    Ref joined;
    if (obj(pending).type == Type::bytes) joined = Ref::borrow(pending);
    else joined.reset(heap_->new_bytes(std::string(count, '\0')));
    heap_->set_ref(stream, 0, kNull);   // the pending chunks go first, then the joined bytes
    heap_->at(stream).fval = 0;
}

void Interp::textio_write(ObjId stream, ObjId text) {
    std::string_view t = text_of(text);
    if (obj(stream).ival == 2) write_stderr(t);
    else write_stdout(t);
    if (obj(stream).refs.empty()) heap_->append_ref(stream, kNull);
    Ref b(obj(text).is_ascii ? newref(text) : heap_->new_bytes(t));
    if (!b) return;
    const double len = static_cast<double>(t.size());
    ObjId pending = obj(stream).refs[0];
    if (obj(stream).fval + len > kChunkSize) {
        textio_flush(stream);
        heap_->set_ref(stream, 0, b.get());
    } else if (!pending) {
        heap_->at(stream).fval = 0;
        heap_->set_ref(stream, 0, b.get());
    } else if (obj(pending).type != Type::list) {
        ObjId items[] = {pending, b.get()};
        Ref list(heap_->new_list(items));
        if (!list) return;
        heap_->set_ref(stream, 0, list.get());
    } else {
        heap_->list_append(pending, b.get());
    }
    heap_->at(stream).fval += len;
    const bool line_buffered = obj(stream).ival == 2;
    if (obj(stream).fval >= kChunkSize || (line_buffered && t.find('\n') != std::string_view::npos))
        textio_flush(stream);
}

}  // namespace refscope::lang
