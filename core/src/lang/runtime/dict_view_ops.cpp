// lang/runtime/dict_view_ops.cpp — the set operators of dict_keys and dict_items views.
//
// Models dictviews_or / dictviews_sub / dictviews_xor / _PyDictView_Intersect of
// Objects/dictobject.c (3.11). The result is always a new set:
//   |   set(left), then every item of right added            (dictviews_to_set + set_update)
//   -   set(left), then every item of right discarded        (difference_update)
//   ^   set(left), then each item of set(right) discarded if present, added if not
//   &   with the view as `self` (swapped when it is on the right): if `other` is a set at
//       least as large, other.intersection(self); else, after swapping two views so that
//       `other` is the smaller, each item of `other` that `self` contains, in other's order.
// Invariants:
//   1. Either operand is a keys or items view (values views have no set operators).
//   2. The left operand's own type decides nothing else: `[1] | d.keys()` is a set too.
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

bool is_set_view(const object::Object& o) {
    return o.type == Type::dict_view && static_cast<ViewKind>(o.subkind) != ViewKind::values;
}

}  // namespace

bool Interp::is_dict_set_view(ObjId o) const { return is_set_view(obj(o)); }

ObjId Interp::dict_view_operator(ObjId a, ObjId b, std::uint32_t nb) {
    if (nb == NB_AND) {
        ObjId self = a, other = b;
        if (!is_set_view(obj(self))) std::swap(self, other);
        const std::int64_t len_self = static_cast<std::int64_t>(obj(obj(self).refs[0]).dict.used);
        if (obj(other).type == Type::set && len_self <= static_cast<std::int64_t>(obj(other).dict.used)) {
            // other.intersection(self): the items of self that other holds, in self's order.
            Ref result(new_set());
            if (!result) return kNull;
            Ref it(get_iter(self));
            if (!it) return kNull;
            for (;;) {
                Ref item(iter_next(it.get()));
                if (!item) return exc_ ? kNull : result.release();
                int r = set_contains(other, item.get());
                if (r < 0 || (r && set_add(result.get(), item.get()) < 0)) return kNull;
            }
        }
        if (is_set_view(obj(other)) &&
            obj(obj(other).refs[0]).dict.used > obj(obj(self).refs[0]).dict.used)
            std::swap(self, other);
        Ref result(new_set());
        if (!result) return kNull;
        Ref it(get_iter(other));
        if (!it) return kNull;
        for (;;) {
            Ref item(iter_next(it.get()));
            if (!item) return exc_ ? kNull : result.release();
            int r = dict_view_contains(self, item.get());
            if (r < 0 || (r && set_add(result.get(), item.get()) < 0)) return kNull;
        }
    }
    // dictviews_to_set: a keys view of a dict is copied from the dict itself (set_update's
    // dict fast path); anything else through iteration.
    ObjId left = a;
    if (obj(a).type == Type::dict_view && static_cast<ViewKind>(obj(a).subkind) == ViewKind::keys)
        left = obj(a).refs[0];
    Ref result(new_set());
    if (!result || set_update(result.get(), left) < 0) return kNull;
    switch (nb) {
        case NB_OR:
            if (set_update(result.get(), b) < 0) return kNull;
            break;
        case NB_SUBTRACT: {
            Ref it(get_iter(b));
            if (!it) return kNull;
            for (;;) {
                Ref item(iter_next(it.get()));
                if (!item) {
                    if (exc_) return kNull;
                    break;
                }
                if (set_discard(result.get(), item.get()) < 0) return kNull;
            }
            break;
        }
        case NB_XOR: {
            Ref other(new_set());
            if (!other || set_update(other.get(), b) < 0) return kNull;
            for (std::size_t i = 0; i < obj(other.get()).refs.size(); ++i) {
                ObjId k = obj(other.get()).refs[i];
                if (!k) continue;
                Ref keep = Ref::borrow(k);
                int r = set_discard(result.get(), k);
                if (r < 0 || (r == 0 && set_add(result.get(), k) < 0)) return kNull;
            }
            break;
        }
        default: return newref(not_implemented());
    }
    return result.release();
}

}  // namespace refscope::lang
