// lang/vm/names.hpp — the identifiers, builtin classes and exception classes the runtime knows.
//
// Models CPython 3.11's _Py_ID() identifier strings (Include/internal/pycore_global_strings.h),
// its static builtin types, and the builtin exception hierarchy of Objects/exceptions.c.
// Each list is an X-macro so that the enum, the names and the parents stay in one place.
#pragma once

#include <cstdint>

namespace refscope::lang {

// X(enumerator, "python name")
#define REFSCOPE_IDENTIFIERS(X)                                                            \
    X(init, "__init__") X(new_, "__new__") X(repr, "__repr__") X(str, "__str__")           \
    X(del, "__del__") X(eq, "__eq__") X(ne, "__ne__") X(lt, "__lt__") X(le, "__le__")      \
    X(gt, "__gt__") X(ge, "__ge__") X(hash, "__hash__") X(bool_, "__bool__")               \
    X(len, "__len__") X(iter, "__iter__") X(next, "__next__") X(getitem, "__getitem__")    \
    X(setitem, "__setitem__") X(delitem, "__delitem__") X(contains, "__contains__")        \
    X(call, "__call__") X(getattr, "__getattr__") X(getattribute, "__getattribute__")      \
    X(setattr, "__setattr__") X(delattr, "__delattr__") X(get, "__get__")                  \
    X(set, "__set__") X(delete_, "__delete__") X(add, "__add__") X(radd, "__radd__")       \
    X(iadd, "__iadd__") X(sub, "__sub__") X(rsub, "__rsub__") X(isub, "__isub__")          \
    X(mul, "__mul__") X(rmul, "__rmul__") X(imul, "__imul__") X(matmul, "__matmul__")      \
    X(rmatmul, "__rmatmul__") X(imatmul, "__imatmul__") X(truediv, "__truediv__")          \
    X(rtruediv, "__rtruediv__") X(itruediv, "__itruediv__") X(floordiv, "__floordiv__")    \
    X(rfloordiv, "__rfloordiv__") X(ifloordiv, "__ifloordiv__") X(mod, "__mod__")          \
    X(rmod, "__rmod__") X(imod, "__imod__") X(pow, "__pow__") X(rpow, "__rpow__")          \
    X(ipow, "__ipow__") X(lshift, "__lshift__") X(rlshift, "__rlshift__")                  \
    X(ilshift, "__ilshift__") X(rshift, "__rshift__") X(rrshift, "__rrshift__")            \
    X(irshift, "__irshift__") X(and_, "__and__") X(rand, "__rand__") X(iand, "__iand__")   \
    X(or_, "__or__") X(ror, "__ror__") X(ior, "__ior__") X(xor_, "__xor__")                \
    X(rxor, "__rxor__") X(ixor, "__ixor__") X(neg, "__neg__") X(pos, "__pos__")            \
    X(invert, "__invert__") X(abs, "__abs__") X(index, "__index__") X(int_, "__int__")     \
    X(float_, "__float__") X(enter, "__enter__") X(exit, "__exit__") X(name, "__name__")   \
    X(qualname, "__qualname__") X(module, "__module__") X(doc, "__doc__")                  \
    X(dict, "__dict__") X(weakref, "__weakref__") X(slots, "__slots__")                    \
    X(class_, "__class__") X(classcell, "__classcell__") X(build_class, "__build_class__") \
    X(builtins, "__builtins__") X(main, "__main__") X(init_subclass, "__init_subclass__")  \
    X(set_name, "__set_name__") X(format, "__format__") X(round, "__round__")              \
    X(reversed, "__reversed__") X(missing, "__missing__") X(mro, "__mro__")                \
    X(bases, "__bases__") X(file, "__file__") X(spec, "__spec__") X(loader, "__loader__")  \
    X(package, "__package__") X(annotations, "__annotations__") X(length_hint, "__length_hint__") \
    X(floor, "__floor__") X(ceil, "__ceil__") X(trunc, "__trunc__") X(sizeof_, "__sizeof__") \
    X(class_getitem, "__class_getitem__") X(args, "args") X(generation, "generation")       \
    X(collected, "collected") X(uncollectable, "uncollectable") X(start, "start")            \
    X(stop, "stop") X(step, "step") X(keys, "keys") X(end, "end") X(sep, "sep")             \
    X(file_kw, "file") X(flush, "flush") X(key, "key") X(reverse, "reverse")               \
    X(default_, "default") X(write, "write") X(self, "self") X(value, "value")

enum class Id : std::uint16_t {
#define REFSCOPE_ID_ENUM(e, s) e,
    REFSCOPE_IDENTIFIERS(REFSCOPE_ID_ENUM)
#undef REFSCOPE_ID_ENUM
    count_
};

// X(enumerator, "python name", parent enumerator)
#define REFSCOPE_EXCEPTIONS(X)                                                      \
    X(BaseException, "BaseException", BaseException)                               \
    X(SystemExit, "SystemExit", BaseException)                                     \
    X(KeyboardInterrupt, "KeyboardInterrupt", BaseException)                       \
    X(GeneratorExit, "GeneratorExit", BaseException)                               \
    X(Exception, "Exception", BaseException)                                       \
    X(StopIteration, "StopIteration", Exception)                                   \
    X(StopAsyncIteration, "StopAsyncIteration", Exception)                         \
    X(ArithmeticError, "ArithmeticError", Exception)                               \
    X(FloatingPointError, "FloatingPointError", ArithmeticError)                   \
    X(OverflowError, "OverflowError", ArithmeticError)                             \
    X(ZeroDivisionError, "ZeroDivisionError", ArithmeticError)                     \
    X(AssertionError, "AssertionError", Exception)                                 \
    X(AttributeError, "AttributeError", Exception)                                 \
    X(BufferError, "BufferError", Exception)                                       \
    X(EOFError, "EOFError", Exception)                                             \
    X(ImportError, "ImportError", Exception)                                       \
    X(ModuleNotFoundError, "ModuleNotFoundError", ImportError)                     \
    X(LookupError, "LookupError", Exception)                                       \
    X(IndexError, "IndexError", LookupError)                                       \
    X(KeyError, "KeyError", LookupError)                                           \
    X(MemoryError, "MemoryError", Exception)                                       \
    X(NameError, "NameError", Exception)                                           \
    X(UnboundLocalError, "UnboundLocalError", NameError)                           \
    X(OSError, "OSError", Exception)                                               \
    X(FileNotFoundError, "FileNotFoundError", OSError)                             \
    X(BlockingIOError, "BlockingIOError", OSError)                                 \
    X(ChildProcessError, "ChildProcessError", OSError)                             \
    X(ConnectionError, "ConnectionError", OSError)                                 \
    X(BrokenPipeError, "BrokenPipeError", ConnectionError)                         \
    X(ConnectionAbortedError, "ConnectionAbortedError", ConnectionError)           \
    X(ConnectionRefusedError, "ConnectionRefusedError", ConnectionError)           \
    X(ConnectionResetError, "ConnectionResetError", ConnectionError)               \
    X(FileExistsError, "FileExistsError", OSError)                                 \
    X(InterruptedError, "InterruptedError", OSError)                               \
    X(IsADirectoryError, "IsADirectoryError", OSError)                             \
    X(NotADirectoryError, "NotADirectoryError", OSError)                           \
    X(PermissionError, "PermissionError", OSError)                                 \
    X(ProcessLookupError, "ProcessLookupError", OSError)                           \
    X(TimeoutError, "TimeoutError", OSError)                                       \
    X(ReferenceError, "ReferenceError", Exception)                                 \
    X(RuntimeError, "RuntimeError", Exception)                                     \
    X(NotImplementedError, "NotImplementedError", RuntimeError)                    \
    X(RecursionError, "RecursionError", RuntimeError)                              \
    X(SyntaxError, "SyntaxError", Exception)                                       \
    X(IndentationError, "IndentationError", SyntaxError)                           \
    X(TabError, "TabError", IndentationError)                                      \
    X(SystemError, "SystemError", Exception)                                       \
    X(TypeError, "TypeError", Exception)                                           \
    X(ValueError, "ValueError", Exception)                                         \
    X(UnicodeError, "UnicodeError", ValueError)                                    \
    X(UnicodeDecodeError, "UnicodeDecodeError", UnicodeError)                      \
    X(UnicodeEncodeError, "UnicodeEncodeError", UnicodeError)                      \
    X(UnicodeTranslateError, "UnicodeTranslateError", UnicodeError)                \
    X(Warning, "Warning", Exception)                                               \
    X(UserWarning, "UserWarning", Warning)                                         \
    X(DeprecationWarning, "DeprecationWarning", Warning)                           \
    X(RuntimeWarning, "RuntimeWarning", Warning)                                   \
    X(SyntaxWarning, "SyntaxWarning", Warning)                                     \
    X(PendingDeprecationWarning, "PendingDeprecationWarning", Warning)             \
    X(FutureWarning, "FutureWarning", Warning)                                     \
    X(ImportWarning, "ImportWarning", Warning)                                     \
    X(UnicodeWarning, "UnicodeWarning", Warning)                                   \
    X(BytesWarning, "BytesWarning", Warning)                                       \
    X(ResourceWarning, "ResourceWarning", Warning)                                 \
    X(EncodingWarning, "EncodingWarning", Warning)

enum class Exc : std::uint8_t {
#define REFSCOPE_EXC_ENUM(e, s, p) e,
    REFSCOPE_EXCEPTIONS(REFSCOPE_EXC_ENUM)
#undef REFSCOPE_EXC_ENUM
    count_
};

// Builtin classes that are not exceptions. X(enumerator, "python name")
#define REFSCOPE_BUILTIN_TYPES(X)                                                       \
    X(object, "object") X(type, "type") X(int_, "int") X(bool_, "bool")                 \
    X(float_, "float") X(complex, "complex") X(str, "str") X(bytes, "bytes")            \
    X(bytearray, "bytearray") X(tuple, "tuple") X(list, "list") X(dict, "dict")         \
    X(set, "set") X(frozenset, "frozenset") X(none_type, "NoneType")                    \
    X(ellipsis, "ellipsis") X(not_implemented, "NotImplementedType")                    \
    X(function, "function") X(method, "method")                                         \
    X(builtin_function, "builtin_function_or_method")                                   \
    X(method_descriptor, "method_descriptor") X(wrapper_descriptor, "wrapper_descriptor") \
    X(classmethod_descriptor, "classmethod_descriptor")                                 \
    X(getset_descriptor, "getset_descriptor") X(member_descriptor, "member_descriptor") \
    X(cell, "cell") X(code, "code") X(module, "module") X(generator, "generator")       \
    X(range, "range") X(slice, "slice") X(property, "property")                         \
    X(staticmethod, "staticmethod") X(classmethod, "classmethod") X(super_, "super")    \
    X(weakref, "weakref.ReferenceType") X(traceback, "traceback") X(frame, "frame")     \
    X(list_iterator, "list_iterator") X(list_reverseiterator, "list_reverseiterator")   \
    X(tuple_iterator, "tuple_iterator") X(range_iterator, "range_iterator")             \
    X(str_iterator, "str_ascii_iterator") X(bytes_iterator, "bytes_iterator")           \
    X(dict_keyiterator, "dict_keyiterator") X(dict_valueiterator, "dict_valueiterator") \
    X(dict_itemiterator, "dict_itemiterator") X(set_iterator, "set_iterator")           \
    X(enumerate, "enumerate") X(zip, "zip") X(map, "map") X(filter, "filter")           \
    X(reversed, "reversed") X(callable_iterator, "callable_iterator")                   \
    X(seq_iterator, "iterator")                                                         \
    X(dict_keys, "dict_keys") X(dict_values, "dict_values") X(dict_items, "dict_items") \
    X(finalize, "finalize") X(textio, "TextIOWrapper")

enum class BT : std::uint8_t {
#define REFSCOPE_BT_ENUM(e, s) e,
    REFSCOPE_BUILTIN_TYPES(REFSCOPE_BT_ENUM)
#undef REFSCOPE_BT_ENUM
    count_
};

// Subkinds of object::Type::iterator and Type::dict_view (stored in Object::subkind).
enum class IterKind : std::uint8_t {
    list, list_reverse, tuple, range, str, bytes, dict_keys, dict_values, dict_items, set,
    enumerate, zip, map, filter, callable, seq,
};
enum class ViewKind : std::uint8_t { keys, values, items };

}  // namespace refscope::lang
