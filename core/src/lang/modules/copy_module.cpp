// lang/modules/copy_module.cpp — the copy module: copy.copy, copy.deepcopy, copy.Error.
//
// Models Lib/copy.py's documented behaviour (written here anew in Python and run as the module's
// body, as CPython runs its own Python module):
//   copy(x)      immutable values and classes are returned as they are; list, dict and set are
//                copied with their copy(); a __copy__ method is used when the class has one;
//                other instances are rebuilt: cls.__new__(cls), then the state
//                (x.__getstate__(): its __dict__ and/or {slot: value}) is set on the new object
//                (__setstate__ when defined, else __dict__.update and setattr per slot).
//   deepcopy(x)  the same with every part copied recursively; a memo (id -> copy) makes shared
//                and cyclic structures come out shared and cyclic; a tuple whose items all
//                copy to themselves is returned itself; the memo also keeps each original alive
//                until the copy finishes (memo[id(memo)]).
// Objects with no copy protocol (modules, generators, frames, ...) raise
// TypeError("cannot pickle 'T' object") as the pickle protocol does.
#include "lang/modules/modules.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

constexpr std::string_view kSource = R"PY(
import weakref as _weakref


class Error(Exception):
    pass


error = Error


class _Probe:
    def method(self):
        pass


def _function():
    pass


_IMMUTABLE = (type(None), int, float, bool, str, tuple, bytes, frozenset, type, range, slice,
              property, type(len), type(Ellipsis), type(NotImplemented), type(_function),
              _weakref.ref)
_ATOMIC = (type(None), int, float, bool, str, bytes, type, range, property, type(len),
           type(Ellipsis), type(NotImplemented), type(_function), type(_function.__code__),
           _weakref.ref)
_METHOD = type(_Probe().method)


def _cannot(x):
    raise TypeError("cannot pickle '%s' object" % type(x).__name__)


def _rebuild(x, memo, deep):
    cls = type(x)
    if isinstance(x, BaseException):
        args = deepcopy(x.args, memo) if deep else x.args
        y = cls(*args)
        if deep:
            memo[id(x)] = y
        state = x.__getstate__()
        if state:
            if deep:
                state = deepcopy(state, memo)
            y.__dict__.update(state)
        return y
    if cls.__module__ == 'builtins':
        _cannot(x)
    y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
    state = x.__getstate__()
    if state is None:
        return y
    if deep:
        state = deepcopy(state, memo)
    setstate = getattr(y, '__setstate__', None)
    if setstate is not None:
        setstate(state)
        return y
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        y.__dict__.update(state)
    if slotstate:
        for name, value in slotstate.items():
            setattr(y, name, value)
    return y


def copy(x):
    cls = type(x)
    if cls in _IMMUTABLE or issubclass(cls, type):
        return x
    if cls is list or cls is dict or cls is set:
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _rebuild(x, None, False)


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    key = id(x)
    y = memo.get(key, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        try:
            return memo[key]
        except KeyError:
            pass
        y = x
        for old, new in zip(x, items):
            if old is not new:
                y = tuple(items)
                break
    elif cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set or cls is frozenset:
        y = cls(deepcopy(list(x), memo))
    elif cls is _METHOD:
        y = cls(x.__func__, deepcopy(x.__self__, memo))
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _rebuild(x, memo, True)
    if y is not x:
        memo[key] = y
        _keep_alive(x, memo)
    return y


del _Probe, _function
)PY";

}  // namespace

bool init_copy(Interp& vm, ObjId dict) {
    return vm.exec_module_source(kSource, "<stdlib>/copy.py", dict);
}

}  // namespace refscope::lang
