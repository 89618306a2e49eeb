// lang/compiler_flow.cpp — try/except/finally, with, and frame-block unwinding
// (compiler.hpp). Models compiler_try_except, compiler_try_finally, compiler_with,
// compiler_unwind_fblock(_stack) of Python/compile.c (3.11): exception handlers are blocks
// reached through SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH pseudo-instructions, which the
// assembler turns into the zero-cost exception table (PUSH_EXC_INFO, CHECK_EXC_MATCH,
// POP_EXCEPT, RERAISE, and `COPY 3; POP_EXCEPT; RERAISE 1` cleanups that keep lasti).
#include "lang/compiler.hpp"

namespace refscope::lang {

void Compiler::push_fblock(FBlockType t, Block* b, Block* exit, const Stmt* st,
                           const std::string* name) {
    FBlock f;
    f.type = t;
    f.block = b;
    f.exit = exit;
    f.stmt = st;
    if (name) {
        f.name = *name;
        f.has_name = true;
    }
    if (u().fblocks.size() >= 20) error("too many statically nested blocks", st ? st->loc : Loc{});
    u().fblocks.push_back(f);
}

void Compiler::pop_except_and_reraise() {
    addop(op(Op::COPY), 3);
    addop(op(Op::POP_EXCEPT));
    addop(op(Op::RERAISE), 1);
}

void Compiler::call_exit_with_nones() {
    Const none;
    load_const(none);
    load_const(none);
    load_const(none);
    addop(op(Op::PRECALL), 2);
    addop(op(Op::CALL), 2);
}

void Compiler::unwind_fblock(const FBlock& f, bool preserve_tos) {
    switch (f.type) {
        case FBlockType::WhileLoop:
        case FBlockType::ExceptionHandler:
            return;
        case FBlockType::ForLoop:
            if (preserve_tos) addop(op(Op::SWAP), 2);
            addop(op(Op::POP_TOP));
            return;
        case FBlockType::TryExcept:
            addop(P_POP_BLOCK);
            return;
        case FBlockType::FinallyTry:
            addop(P_POP_BLOCK);
            if (preserve_tos) push_fblock(FBlockType::PopValue, nullptr, nullptr);
            body(f.stmt->finalbody);
            if (preserve_tos) pop_fblock();
            unset_loc();
            return;
        case FBlockType::FinallyEnd:
            if (preserve_tos) addop(op(Op::SWAP), 2);
            addop(op(Op::POP_TOP));
            if (preserve_tos) addop(op(Op::SWAP), 2);
            addop(P_POP_BLOCK);
            addop(op(Op::POP_EXCEPT));
            return;
        case FBlockType::With:
            set_loc(f.stmt->loc);
            addop(P_POP_BLOCK);
            if (preserve_tos) addop(op(Op::SWAP), 2);
            call_exit_with_nones();
            addop(op(Op::POP_TOP));
            unset_loc();
            return;
        case FBlockType::HandlerCleanup:
            if (f.has_name) addop(P_POP_BLOCK);
            if (preserve_tos) addop(op(Op::SWAP), 2);
            addop(P_POP_BLOCK);
            addop(op(Op::POP_EXCEPT));
            if (f.has_name) {
                load_const(Const{});
                nameop(f.name, Ctx::Store);
                nameop(f.name, Ctx::Del);
            }
            return;
        case FBlockType::PopValue:
            if (preserve_tos) addop(op(Op::SWAP), 2);
            addop(op(Op::POP_TOP));
            return;
    }
}

// Unwinds the frame blocks up to the innermost loop (when loop_out) or all of them.
// Returns false when a loop was asked for and there is none.
bool Compiler::unwind_fblock_stack(bool preserve_tos, FBlock* loop_out) {
    Unit& un = u();
    if (un.fblocks.empty()) return loop_out == nullptr;
    FBlock top = un.fblocks.back();
    if (loop_out && (top.type == FBlockType::WhileLoop || top.type == FBlockType::ForLoop)) {
        *loop_out = top;
        return true;
    }
    un.fblocks.pop_back();
    unwind_fblock(top, preserve_tos);
    bool found = unwind_fblock_stack(preserve_tos, loop_out);
    u().fblocks.push_back(top);
    return found;
}

void Compiler::try_stmt(const Stmt& s) {
    if (!s.finalbody.empty()) try_finally(s);
    else try_except(s);
}

void Compiler::try_finally(const Stmt& s) {
    Block* body_block = new_block();
    Block* end = new_block();
    Block* exit = new_block();
    Block* cleanup = new_block();
    addop_jump(P_SETUP_FINALLY, end);
    use_next_block(body_block);
    push_fblock(FBlockType::FinallyTry, body_block, end, &s);
    if (!s.handlers.empty()) try_except(s);
    else body(s.body);
    addop_noline(P_POP_BLOCK);
    pop_fblock();
    body(s.finalbody);
    addop_jump_noline(P_JUMP, exit);
    use_next_block(end);
    unset_loc();
    addop_jump(P_SETUP_CLEANUP, cleanup);
    addop(op(Op::PUSH_EXC_INFO));
    push_fblock(FBlockType::FinallyEnd, end, nullptr);
    body(s.finalbody);
    pop_fblock();
    addop(op(Op::RERAISE), 0);
    use_next_block(cleanup);
    pop_except_and_reraise();
    use_next_block(exit);
}

void Compiler::try_except(const Stmt& s) {
    Block* body_block = new_block();
    Block* except = new_block();
    Block* end = new_block();
    Block* cleanup = new_block();
    addop_jump(P_SETUP_FINALLY, except);
    use_next_block(body_block);
    push_fblock(FBlockType::TryExcept, body_block, nullptr);
    body(s.body);
    pop_fblock();
    addop_noline(P_POP_BLOCK);
    body(s.orelse);
    addop_jump_noline(P_JUMP, end);
    use_next_block(except);
    unset_loc();
    addop_jump(P_SETUP_CLEANUP, cleanup);
    addop(op(Op::PUSH_EXC_INFO));
    push_fblock(FBlockType::ExceptionHandler, nullptr, nullptr);
    std::size_t n = s.handlers.size();
    for (std::size_t i = 0; i < n; ++i) {
        const ExceptHandler& h = s.handlers[i];
        set_loc(h.loc);
        if (!h.type && i + 1 < n) error("default 'except:' must be last", h.loc);
        except = new_block();
        if (h.type) {
            expr(*h.type);
            addop(op(Op::CHECK_EXC_MATCH));
            addop_jump(P_POP_JUMP_IF_FALSE, except);
        }
        if (!h.name.empty()) {
            Block* cleanup_end = new_block();
            Block* cleanup_body = new_block();
            nameop(h.name, Ctx::Store);
            addop_jump(P_SETUP_CLEANUP, cleanup_end);
            use_next_block(cleanup_body);
            push_fblock(FBlockType::HandlerCleanup, cleanup_body, nullptr, nullptr, &h.name);
            body(h.body);
            pop_fblock();
            unset_loc();
            addop(P_POP_BLOCK);
            addop(P_POP_BLOCK);
            addop(op(Op::POP_EXCEPT));
            load_const(Const{});
            nameop(h.name, Ctx::Store);
            nameop(h.name, Ctx::Del);
            addop_jump(P_JUMP, end);
            use_next_block(cleanup_end);
            unset_loc();
            load_const(Const{});
            nameop(h.name, Ctx::Store);
            nameop(h.name, Ctx::Del);
            addop(op(Op::RERAISE), 1);
        } else {
            Block* cleanup_body = new_block();
            addop(op(Op::POP_TOP));
            use_next_block(cleanup_body);
            push_fblock(FBlockType::HandlerCleanup, cleanup_body, nullptr);
            body(h.body);
            pop_fblock();
            unset_loc();
            addop(P_POP_BLOCK);
            addop(op(Op::POP_EXCEPT));
            addop_jump(P_JUMP, end);
        }
        use_next_block(except);
    }
    unset_loc();
    pop_fblock();
    addop(op(Op::RERAISE), 0);
    use_next_block(cleanup);
    pop_except_and_reraise();
    use_next_block(end);
}

void Compiler::with_stmt(const Stmt& s, std::size_t pos) {
    const WithItem& item = s.items[pos];
    Block* block = new_block();
    Block* final_block = new_block();
    Block* exit = new_block();
    Block* cleanup = new_block();
    expr(*item.context_expr);
    addop(op(Op::BEFORE_WITH));
    addop_jump(P_SETUP_WITH, final_block);
    use_next_block(block);
    push_fblock(FBlockType::With, block, final_block, &s);
    if (item.optional_vars) expr(*item.optional_vars);
    else addop(op(Op::POP_TOP));
    ++pos;
    if (pos == s.items.size()) body(s.body);
    else with_stmt(s, pos);
    unset_loc();
    addop(P_POP_BLOCK);
    pop_fblock();
    set_loc(s.loc);
    call_exit_with_nones();
    addop(op(Op::POP_TOP));
    addop_jump(P_JUMP, exit);
    use_next_block(final_block);
    addop_jump(P_SETUP_CLEANUP, cleanup);
    addop(op(Op::PUSH_EXC_INFO));
    addop(op(Op::WITH_EXCEPT_START));
    // compiler_with_except_finish
    unset_loc();
    Block* ok = new_block();
    addop_jump(P_POP_JUMP_IF_TRUE, ok);
    addop(op(Op::RERAISE), 2);
    use_next_block(cleanup);
    pop_except_and_reraise();
    use_next_block(ok);
    addop(op(Op::POP_TOP));
    addop(P_POP_BLOCK);
    addop(op(Op::POP_EXCEPT));
    addop(op(Op::POP_TOP));
    addop(op(Op::POP_TOP));
    use_next_block(exit);
}

}  // namespace refscope::lang
