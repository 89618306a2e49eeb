// lang/assembler.cpp — the flow-graph passes of CPython 3.11's assemble() (compiler.hpp).
//
// Order of the passes (each named after its compile.c counterpart):
//   1. an implicit `return None` when the last block does not return;
//   2. normalize_basic_block (jumps skip empty blocks), extend_block (a jump to a small exit
//      block without line numbers is replaced by a copy of it);
//   3. insert_prefix_instructions (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR + POP_TOP) and
//      fix_cell_offsets (cell/free opargs become localsplus indices);
//   4. optimize_cfg: optimize_basic_block + clean_basic_block per block, extend_block again,
//      mark_reachable, unreachable blocks emptied, empty blocks skipped, jumps to the next
//      block turned into NOPs;
//   5. duplicate_exits_without_lineno, trim_unused_consts, propagate_line_numbers,
//      guarantee_lineno_for_exits;
//   6. stackdepth (handler depths), label_exception_targets, exception pseudo-instructions
//      to NOPs, clean_basic_block again, normalize_jumps (FORWARD/BACKWARD forms);
//   7. instruction indices, jump targets and the exception table.
#include <algorithm>
#include <cmath>

#include "lang/compiler.hpp"

namespace refscope::lang {

namespace {

constexpr std::size_t kMaxCopySize = 4;

CInstr* last_instr(Block* b) { return b->instrs.empty() ? nullptr : &b->instrs.back(); }

bool block_exits_scope(Block* b) {
    CInstr* l = last_instr(b);
    return l && is_scope_exit(l->opcode);
}

bool block_has_fallthrough(Block* b) {
    CInstr* l = last_instr(b);
    if (!l) return true;
    return !(is_scope_exit(l->opcode) || is_unconditional_jump(l->opcode));
}

bool block_has_lineno(Block* b) {
    for (const auto& i : b->instrs)
        if (i.line >= 0) return true;
    return false;
}

bool is_exit_without_lineno(Block* b) { return block_exits_scope(b) && !block_has_lineno(b); }

void copy_loc(const CInstr& from, CInstr& to) {
    to.line = from.line;
    to.end_line = from.end_line;
    to.col = from.col;
    to.end_col = from.end_col;
}

bool const_truthy(const Const& c) {
    switch (c.kind) {
        case Const::Kind::none: return false;
        case Const::Kind::ellipsis: return true;
        case Const::Kind::boolean: return c.boolean;
        case Const::Kind::integer: return c.integer != 0;
        case Const::Kind::big_integer: return true;
        case Const::Kind::floating: return c.floating != 0;
        case Const::Kind::complex: return c.floating != 0 || c.real != 0;
        case Const::Kind::str: case Const::Kind::bytes: return !c.text.empty();
        case Const::Kind::tuple: case Const::Kind::frozenset: return !c.items.empty();
    }
    return true;
}

void skip_empty_targets(Block* b) {
    for (auto& i : b->instrs)
        if (is_jump_op(i.opcode) || is_block_push(i.opcode))
            while (i.target->instrs.empty() && i.target->next) i.target = i.target->next;
}

void extend_block(Block* bb) {
    CInstr* last = last_instr(bb);
    if (!last) return;
    if (last->opcode != P_JUMP && last->opcode != op(Op::JUMP_FORWARD) &&
        last->opcode != op(Op::JUMP_BACKWARD))
        return;
    Block* to_copy = last->target;
    if (!block_exits_scope(to_copy) || to_copy->instrs.size() > kMaxCopySize) return;
    if (block_has_lineno(to_copy)) return;
    last->opcode = op(Op::NOP);
    std::vector<CInstr> copy = to_copy->instrs;
    for (auto& i : copy) bb->instrs.push_back(i);
}

void clean_basic_block(Block* bb) {
    std::vector<CInstr>& v = bb->instrs;
    std::size_t dest = 0;
    int prev_lineno = -1;
    for (std::size_t src = 0; src < v.size(); ++src) {
        int lineno = v[src].line;
        if (v[src].opcode == op(Op::NOP)) {
            if (lineno < 0) continue;
            if (prev_lineno == lineno) continue;
            if (src + 1 < v.size()) {
                int next_lineno = v[src + 1].line;
                if (next_lineno < 0 || next_lineno == lineno) {
                    copy_loc(v[src], v[src + 1]);
                    continue;
                }
            } else {
                Block* next = bb->next;
                while (next && next->instrs.empty()) next = next->next;
                if (next && lineno == next->instrs[0].line) continue;
            }
        }
        if (dest != src) v[dest] = v[src];
        ++dest;
        prev_lineno = lineno;
    }
    v.resize(dest);
}

int jump_thread(CInstr* inst, CInstr* target, int opcode) {
    if (inst->line == target->line && inst->target != target->target) {
        inst->target = target->target;
        inst->opcode = opcode;
        return 1;
    }
    return 0;
}

// swaptimize + apply_static_swaps
constexpr int kVisited = -1;

void swaptimize(Block* block, std::size_t& ix) {
    CInstr* ins = &block->instrs[ix];
    int depth = ins[0].arg;
    std::size_t len = 0;
    bool more = false;
    std::size_t limit = block->instrs.size() - ix;
    while (++len < limit) {
        int o = ins[len].opcode;
        if (o == op(Op::SWAP)) {
            depth = std::max(depth, ins[len].arg);
            more = true;
        } else if (o != op(Op::NOP)) {
            break;
        }
    }
    if (!more) return;
    std::vector<int> stack(static_cast<std::size_t>(depth));
    for (int i = 0; i < depth; ++i) stack[i] = i;
    for (std::size_t i = 0; i < len; ++i) {
        if (ins[i].opcode == op(Op::SWAP)) {
            int oparg = ins[i].arg;
            int top = stack[0];
            stack[0] = stack[oparg - 1];
            stack[oparg - 1] = top;
        }
    }
    long current = static_cast<long>(len) - 1;
    for (int i = 0; i < depth; ++i) {
        if (stack[i] == kVisited || stack[i] == i) continue;
        int j = i;
        while (true) {
            if (j) {
                ins[current].opcode = op(Op::SWAP);
                ins[current--].arg = j + 1;
            }
            if (stack[j] == kVisited) break;
            int next_j = stack[j];
            stack[j] = kVisited;
            j = next_j;
        }
    }
    while (current >= 0) ins[current--].opcode = op(Op::NOP);
    ix += len - 1;
}

bool swappable(int o) { return o == op(Op::STORE_FAST) || o == op(Op::POP_TOP); }

long next_swappable(Block* block, long i, int lineno) {
    while (++i < static_cast<long>(block->instrs.size())) {
        CInstr& in = block->instrs[i];
        if (lineno >= 0 && in.line != lineno) return -1;
        if (in.opcode == op(Op::NOP)) continue;
        if (swappable(in.opcode)) return i;
        return -1;
    }
    return -1;
}

void apply_static_swaps(Block* block, long i) {
    for (; i >= 0; --i) {
        CInstr& swap = block->instrs[i];
        if (swap.opcode != op(Op::SWAP)) {
            if (swap.opcode == op(Op::NOP) || swappable(swap.opcode)) continue;
            return;
        }
        long j = next_swappable(block, i, -1);
        if (j < 0) return;
        long k = j;
        int lineno = block->instrs[j].line;
        for (int count = swap.arg - 1; count > 0; --count) {
            k = next_swappable(block, k, lineno);
            if (k < 0) return;
        }
        swap.opcode = op(Op::NOP);
        std::swap(block->instrs[j], block->instrs[k]);
    }
}

}  // namespace

void Compiler::assemble(CodeObject& code, bool add_none) {
    Unit& un = u();
    // 1. falling off the end returns None
    {
        CInstr* l = last_instr(un.cur);
        if (!l || l->opcode != op(Op::RETURN_VALUE)) {
            unset_loc();
            if (add_none) load_const(Const{});
            addop(op(Op::RETURN_VALUE));
        }
    }
    Block* entry = un.entry;
    std::vector<Block*> by_alloc;   // b_list order: newest first
    for (auto it = un.blocks.rbegin(); it != un.blocks.rend(); ++it) by_alloc.push_back(it->get());

    // 2. normalize + extend
    for (Block* b : by_alloc) skip_empty_targets(b);
    for (Block* b : by_alloc) extend_block(b);

    // flags
    std::uint32_t flags = 0;
    if (un.ste->type == BlockType::Function) {
        flags |= CO_OPTIMIZED | CO_NEWLOCALS;
        if (un.ste->nested) flags |= CO_NESTED;
        if (un.ste->generator) flags |= CO_GENERATOR;
        if (un.ste->varargs) flags |= CO_VARARGS;
        if (un.ste->varkeywords) flags |= CO_VARKEYWORDS;
    }

    // 3. localsplus, prefix instructions, cell offsets
    const int nlocals = static_cast<int>(un.varnames.size());
    const int ncells = static_cast<int>(un.cellvars.size());
    const int nfrees = static_cast<int>(un.freevars.size());
    std::vector<int> fixed(static_cast<std::size_t>(ncells + nfrees));
    for (int i = 0; i < ncells + nfrees; ++i) fixed[i] = nlocals + i;
    for (int i = 0; i < ncells; ++i) {
        auto it = un.var_index.find(un.cellvars[i]);
        if (it != un.var_index.end()) fixed[i] = it->second;
    }
    {
        std::vector<CInstr> prefix;
        auto mk = [&](Op o, int arg, int line) {
            CInstr i;
            i.opcode = op(o);
            i.arg = arg;
            i.line = line;
            i.end_line = line;
            return i;
        };
        if (ncells) {
            std::vector<int> sorted(static_cast<std::size_t>(ncells + nlocals), 0);
            for (int i = 0; i < ncells; ++i) sorted[fixed[i]] = i + 1;
            for (int i = 0; i < ncells + nlocals; ++i)
                if (sorted[i]) prefix.push_back(mk(Op::MAKE_CELL, sorted[i] - 1 + nlocals, -1));
        }
        std::vector<CInstr> gen;
        if (flags & CO_GENERATOR) {
            gen.push_back(mk(Op::RETURN_GENERATOR, 0, un.firstlineno));
            gen.push_back(mk(Op::POP_TOP, 0, -1));
        }
        std::vector<CInstr> all;
        if (nfrees) all.push_back(mk(Op::COPY_FREE_VARS, nfrees, -1));
        all.insert(all.end(), prefix.begin(), prefix.end());
        all.insert(all.end(), gen.begin(), gen.end());
        entry->instrs.insert(entry->instrs.begin(), all.begin(), all.end());
    }
    // fix_cell_offsets: codegen numbered cells/frees 0.. (nlocals added above for MAKE_CELL)
    int numdropped = 0;
    std::vector<int> fixedmap = fixed;
    for (int i = 0; i < ncells + nfrees; ++i) {
        if (fixedmap[i] == i + nlocals) fixedmap[i] -= numdropped;
        else ++numdropped;
    }
    for (auto& bp : un.blocks) {
        for (auto& in : bp->instrs) {
            int o = in.opcode;
            if (o == op(Op::MAKE_CELL)) {
                in.arg = fixedmap[in.arg - nlocals];
            } else if (o == op(Op::LOAD_CLOSURE) || o == op(Op::LOAD_DEREF) ||
                       o == op(Op::STORE_DEREF) || o == op(Op::DELETE_DEREF) ||
                       o == op(Op::LOAD_CLASSDEREF)) {
                in.arg = fixedmap[in.arg];
            }
        }
    }

    // 4. optimize_cfg
    auto const_of = [&](int index) -> const Const& { return pool_.value(un.consts[index]); };
    for (Block* b = entry; b; b = b->next) {
        std::vector<CInstr>& v = b->instrs;
        for (std::size_t i = 0; i < v.size(); ++i) {
            CInstr* inst = &v[i];
            int oparg = inst->arg;
            int nextop = i + 1 < v.size() ? v[i + 1].opcode : 0;
            CInstr nop;
            nop.opcode = op(Op::NOP);
            CInstr* target = &nop;
            if (is_jump_op(inst->opcode) || is_block_push(inst->opcode)) {
                while (inst->target->instrs.empty()) inst->target = inst->target->next;
                target = &inst->target->instrs[0];
            }
            int o = inst->opcode;
            if (o == op(Op::LOAD_CONST)) {
                if (nextop == P_POP_JUMP_IF_FALSE || nextop == P_POP_JUMP_IF_TRUE) {
                    bool is_true = const_truthy(const_of(oparg));
                    inst->opcode = op(Op::NOP);
                    bool jump_if_true = nextop == P_POP_JUMP_IF_TRUE;
                    v[i + 1].opcode = is_true == jump_if_true ? P_JUMP : op(Op::NOP);
                } else if (nextop == op(Op::JUMP_IF_FALSE_OR_POP) ||
                           nextop == op(Op::JUMP_IF_TRUE_OR_POP)) {
                    bool is_true = const_truthy(const_of(oparg));
                    bool jump_if_true = nextop == op(Op::JUMP_IF_TRUE_OR_POP);
                    if (is_true == jump_if_true) {
                        v[i + 1].opcode = P_JUMP;
                    } else {
                        inst->opcode = op(Op::NOP);
                        v[i + 1].opcode = op(Op::NOP);
                    }
                } else if (nextop == op(Op::IS_OP)) {
                    int jump_op = i + 2 < v.size() ? v[i + 2].opcode : 0;
                    if (const_of(oparg).kind == Const::Kind::none &&
                        (jump_op == P_POP_JUMP_IF_FALSE || jump_op == P_POP_JUMP_IF_TRUE)) {
                        int nextarg = v[i + 1].arg;
                        inst->opcode = op(Op::NOP);
                        v[i + 1].opcode = op(Op::NOP);
                        bool flip = (nextarg != 0) ^ (jump_op == P_POP_JUMP_IF_FALSE);
                        v[i + 2].opcode = flip ? P_POP_JUMP_IF_NOT_NONE : P_POP_JUMP_IF_NONE;
                    }
                }
            } else if (o == op(Op::BUILD_TUPLE)) {
                if (nextop == op(Op::UNPACK_SEQUENCE) && oparg == v[i + 1].arg) {
                    if (oparg == 1) {
                        inst->opcode = op(Op::NOP);
                        v[i + 1].opcode = op(Op::NOP);
                        continue;
                    }
                    if (oparg == 2 || oparg == 3) {
                        inst->opcode = op(Op::NOP);
                        v[i + 1].opcode = op(Op::SWAP);
                        continue;
                    }
                }
                if (static_cast<int>(i) >= oparg) {
                    // fold_tuple_on_constants
                    bool all = true;
                    for (int k = 0; k < oparg; ++k)
                        if (v[i - oparg + k].opcode != op(Op::LOAD_CONST)) all = false;
                    if (all) {
                        Const t;
                        t.kind = Const::Kind::tuple;
                        for (int k = 0; k < oparg; ++k) t.items.push_back(const_of(v[i - oparg + k].arg));
                        int index = static_cast<int>(add_const(t));
                        for (int k = 0; k < oparg; ++k) v[i - oparg + k].opcode = op(Op::NOP);
                        inst->opcode = op(Op::LOAD_CONST);
                        inst->arg = index;
                    }
                }
            } else if (o == op(Op::JUMP_IF_FALSE_OR_POP)) {
                int t = target->opcode;
                if (t == P_POP_JUMP_IF_FALSE) {
                    i -= jump_thread(inst, target, P_POP_JUMP_IF_FALSE);
                } else if (t == P_JUMP || t == op(Op::JUMP_IF_FALSE_OR_POP)) {
                    i -= jump_thread(inst, target, op(Op::JUMP_IF_FALSE_OR_POP));
                } else if (t == op(Op::JUMP_IF_TRUE_OR_POP) || t == P_POP_JUMP_IF_TRUE) {
                    if (inst->line == target->line) {
                        inst->opcode = P_POP_JUMP_IF_FALSE;
                        inst->target = inst->target->next;
                        --i;
                    }
                }
            } else if (o == op(Op::JUMP_IF_TRUE_OR_POP)) {
                int t = target->opcode;
                if (t == P_POP_JUMP_IF_TRUE) {
                    i -= jump_thread(inst, target, P_POP_JUMP_IF_TRUE);
                } else if (t == P_JUMP || t == op(Op::JUMP_IF_TRUE_OR_POP)) {
                    i -= jump_thread(inst, target, op(Op::JUMP_IF_TRUE_OR_POP));
                } else if (t == op(Op::JUMP_IF_FALSE_OR_POP) || t == P_POP_JUMP_IF_FALSE) {
                    if (inst->line == target->line) {
                        inst->opcode = P_POP_JUMP_IF_TRUE;
                        inst->target = inst->target->next;
                        --i;
                    }
                }
            } else if (o == P_POP_JUMP_IF_NOT_NONE || o == P_POP_JUMP_IF_NONE ||
                       o == P_POP_JUMP_IF_FALSE || o == P_POP_JUMP_IF_TRUE || o == P_JUMP) {
                if (target->opcode == P_JUMP) i -= jump_thread(inst, target, o);
            } else if (o == op(Op::SWAP)) {
                if (oparg == 1) {
                    inst->opcode = op(Op::NOP);
                } else {
                    swaptimize(b, i);
                    apply_static_swaps(b, static_cast<long>(i));
                }
            } else if (o == op(Op::PUSH_NULL)) {
                if (nextop == op(Op::LOAD_GLOBAL)) {
                    inst->opcode = op(Op::NOP);
                    inst->arg = 0;
                    v[i + 1].arg |= 1;
                }
            }
        }
        clean_basic_block(b);
    }
    for (Block* b = entry; b; b = b->next) extend_block(b);
    // mark_reachable
    for (auto& bp : un.blocks) {
        bp->predecessors = 0;
    }
    {
        std::vector<Block*> stack{entry};
        entry->predecessors = 1;
        while (!stack.empty()) {
            Block* b = stack.back();
            stack.pop_back();
            if (b->next && block_has_fallthrough(b)) {
                if (b->next->predecessors == 0) stack.push_back(b->next);
                b->next->predecessors++;
            }
            for (auto& in : b->instrs) {
                if (is_jump_op(in.opcode) || is_block_push(in.opcode)) {
                    if (in.target->predecessors == 0) stack.push_back(in.target);
                    in.target->predecessors++;
                }
            }
        }
    }
    for (Block* b = entry; b; b = b->next)
        if (b->predecessors == 0) b->instrs.clear();
    auto eliminate_empty = [&]() {
        for (Block* b = entry; b; b = b->next) {
            Block* next = b->next;
            if (next) {
                while (next->instrs.empty() && next->next) next = next->next;
                b->next = next;
            }
        }
        for (Block* b = entry; b; b = b->next) {
            CInstr* l = last_instr(b);
            if (l && is_jump_op(l->opcode)) {
                Block* t = l->target;
                while (t->instrs.empty()) t = t->next;
                l->target = t;
            }
        }
    };
    eliminate_empty();
    for (Block* b = entry; b; b = b->next) clean_basic_block(b);
    {
        bool maybe_empty = false;
        for (Block* b = entry; b; b = b->next) {
            CInstr* l = last_instr(b);
            if (l && (l->opcode == P_JUMP || l->opcode == P_JUMP_NO_INTERRUPT) && l->target == b->next) {
                l->opcode = op(Op::NOP);
                maybe_empty = true;
            }
        }
        if (maybe_empty) eliminate_empty();
    }

    // 5. duplicate_exits_without_lineno
    {
        std::vector<Block*> list;
        for (auto it = un.blocks.rbegin(); it != un.blocks.rend(); ++it) list.push_back(it->get());
        for (Block* b : list) {
            CInstr* l = last_instr(b);
            if (!l || !is_jump_op(l->opcode)) continue;
            Block* target = l->target;
            if (is_exit_without_lineno(target) && target->predecessors > 1) {
                Block* copy = new_block();
                copy->instrs = target->instrs;
                copy_loc(*l, copy->instrs[0]);
                l->target = copy;
                target->predecessors--;
                copy->predecessors = 1;
                copy->next = target->next;
                target->next = copy;
            }
        }
        for (Block* b : list) {
            while (b->next && b->next->instrs.empty()) b->next = b->next->next;
        }
        for (Block* b : list) {
            if (block_has_fallthrough(b) && b->next && !b->instrs.empty() &&
                is_exit_without_lineno(b->next))
                copy_loc(b->instrs.back(), b->next->instrs[0]);
        }
    }
    // trim_unused_consts
    {
        int max_index = 0;
        for (Block* b = entry; b; b = b->next)
            for (auto& in : b->instrs)
                if ((in.opcode == op(Op::LOAD_CONST) || in.opcode == op(Op::KW_NAMES)) && in.arg > max_index)
                    max_index = in.arg;
        if (static_cast<std::size_t>(max_index + 1) < un.consts.size()) un.consts.resize(max_index + 1);
    }
    // propagate_line_numbers
    for (Block* b = entry; b; b = b->next) {
        if (b->instrs.empty()) continue;
        CInstr prev;
        for (auto& in : b->instrs) {
            if (in.line < 0) copy_loc(prev, in);
            else copy_loc(in, prev);
        }
        if (block_has_fallthrough(b) && b->next && b->next->predecessors == 1 &&
            !b->next->instrs.empty() && b->next->instrs[0].line < 0)
            copy_loc(prev, b->next->instrs[0]);
        CInstr* l = last_instr(b);
        if (is_jump_op(l->opcode)) {
            Block* t = l->target;
            if (t->predecessors == 1 && t->instrs[0].line < 0) copy_loc(prev, t->instrs[0]);
        }
    }
    // guarantee_lineno_for_exits
    {
        int lineno = un.firstlineno;
        for (Block* b = entry; b; b = b->next) {
            CInstr* l = last_instr(b);
            if (!l) continue;
            if (l->line < 0) {
                if (l->opcode == op(Op::RETURN_VALUE))
                    for (auto& in : b->instrs) in.line = lineno;
            } else {
                lineno = l->line;
            }
        }
    }

    // 6. stackdepth
    for (auto& bp : un.blocks) bp->startdepth = -1;
    {
        std::vector<Block*> stack;
        auto push = [&](Block* b, int depth) {
            if (b->startdepth < depth && b->startdepth < 100) {
                b->startdepth = depth;
                stack.push_back(b);
            }
        };
        push(entry, (flags & CO_GENERATOR) ? 1 : 0);
        while (!stack.empty()) {
            Block* b = stack.back();
            stack.pop_back();
            int depth = b->startdepth;
            Block* next = b->next;
            for (auto& in : b->instrs) {
                int new_depth = depth + stack_effect(in.opcode, in.arg, false);
                if (is_jump_op(in.opcode) || is_block_push(in.opcode))
                    push(in.target, depth + stack_effect(in.opcode, in.arg, true));
                depth = new_depth;
                if (is_unconditional_jump(in.opcode) || is_scope_exit(in.opcode)) {
                    next = nullptr;
                    break;
                }
            }
            if (next) push(next, depth);
        }
    }
    // label_exception_targets
    for (Block* b = entry; b; b = b->next) b->visited = false;
    {
        using Stack = std::vector<Block*>;
        std::vector<Block*> todo{entry};
        entry->visited = true;
        entry->exceptstack = std::make_shared<Stack>(Stack{nullptr});
        while (!todo.empty()) {
            Block* b = todo.back();
            todo.pop_back();
            std::shared_ptr<Stack> es = b->exceptstack;
            b->exceptstack.reset();
            Block* handler = es->back();
            for (auto& in : b->instrs) {
                if (is_block_push(in.opcode)) {
                    if (!in.target->visited) {
                        in.target->exceptstack = std::make_shared<Stack>(*es);
                        todo.push_back(in.target);
                        in.target->visited = true;
                    }
                    if (in.opcode == P_SETUP_WITH || in.opcode == P_SETUP_CLEANUP)
                        in.target->preserve_lasti = true;
                    es->push_back(in.target);
                    handler = in.target;
                } else if (in.opcode == P_POP_BLOCK) {
                    es->pop_back();
                    handler = es->back();
                } else if (is_jump_op(in.opcode)) {
                    in.except = handler;
                    if (!in.target->visited) {
                        if (block_has_fallthrough(b)) {
                            in.target->exceptstack = std::make_shared<Stack>(*es);
                        } else {
                            in.target->exceptstack = es;
                            es = nullptr;
                        }
                        todo.push_back(in.target);
                        in.target->visited = true;
                    }
                } else {
                    in.except = handler;
                }
            }
            if (block_has_fallthrough(b) && b->next && !b->next->visited) {
                b->next->exceptstack = es;
                todo.push_back(b->next);
                b->next->visited = true;
            }
        }
    }
    // convert_exception_handlers_to_nops, clean
    for (Block* b = entry; b; b = b->next)
        for (auto& in : b->instrs)
            if (is_block_push(in.opcode) || in.opcode == P_POP_BLOCK) in.opcode = op(Op::NOP);
    for (Block* b = entry; b; b = b->next) clean_basic_block(b);
    // normalize_jumps
    for (Block* b = entry; b; b = b->next) b->visited = false;
    for (Block* b = entry; b; b = b->next) {
        b->visited = true;
        CInstr* l = last_instr(b);
        if (!l || !is_jump_op(l->opcode)) continue;
        bool fwd = !l->target->visited;
        switch (l->opcode) {
            case P_JUMP: l->opcode = op(fwd ? Op::JUMP_FORWARD : Op::JUMP_BACKWARD); break;
            case P_JUMP_NO_INTERRUPT:
                l->opcode = op(fwd ? Op::JUMP_FORWARD : Op::JUMP_BACKWARD_NO_INTERRUPT);
                break;
            case P_POP_JUMP_IF_FALSE:
                l->opcode = op(fwd ? Op::POP_JUMP_FORWARD_IF_FALSE : Op::POP_JUMP_BACKWARD_IF_FALSE);
                break;
            case P_POP_JUMP_IF_TRUE:
                l->opcode = op(fwd ? Op::POP_JUMP_FORWARD_IF_TRUE : Op::POP_JUMP_BACKWARD_IF_TRUE);
                break;
            case P_POP_JUMP_IF_NONE:
                l->opcode = op(fwd ? Op::POP_JUMP_FORWARD_IF_NONE : Op::POP_JUMP_BACKWARD_IF_NONE);
                break;
            case P_POP_JUMP_IF_NOT_NONE:
                l->opcode = op(fwd ? Op::POP_JUMP_FORWARD_IF_NOT_NONE : Op::POP_JUMP_BACKWARD_IF_NOT_NONE);
                break;
            default:
                break;
        }
    }

    // 7. emit
    int index = 0;
    for (Block* b = entry; b; b = b->next) {
        b->index = index;
        index += static_cast<int>(b->instrs.size());
    }
    auto block_index = [](Block* t) {
        while (t->instrs.empty() && t->next) t = t->next;
        return t->index;
    };
    for (Block* b = entry; b; b = b->next) {
        for (auto& in : b->instrs) {
            Instr out;
            REFSCOPE_CHECK(in.opcode < 256, "assembler: a pseudo-instruction survived");
            out.op = static_cast<Op>(in.opcode);
            out.arg = static_cast<std::uint32_t>(is_jump_op(in.opcode) ? block_index(in.target) : in.arg);
            if (!has_arg(out.op)) out.arg = 0;
            out.line = in.line > 0 ? static_cast<std::uint32_t>(in.line) : 0;
            out.col = in.col >= 0 ? static_cast<std::uint16_t>(in.col) : 0;
            out.end_col = in.end_col >= 0 ? static_cast<std::uint16_t>(in.end_col) : 0;
            code.code.push_back(out);
        }
    }
    {
        Block* handler = nullptr;
        int start = -1, pos = 0;
        auto emit = [&](int end) {
            ExceptionEntry e;
            e.start = static_cast<std::uint32_t>(start);
            e.end = static_cast<std::uint32_t>(end);
            e.target = static_cast<std::uint32_t>(block_index(handler));
            e.lasti = handler->preserve_lasti;
            e.depth = static_cast<std::uint32_t>(handler->startdepth - 1 - (handler->preserve_lasti ? 1 : 0));
            code.exceptiontable.push_back(e);
        };
        for (Block* b = entry; b; b = b->next) {
            for (auto& in : b->instrs) {
                if (in.except != handler) {
                    if (handler) emit(pos);
                    start = pos;
                    handler = in.except;
                }
                ++pos;
            }
        }
        if (handler) emit(pos);
    }
    code.name = un.name;
    code.qualname = un.qualname;
    code.firstlineno = static_cast<std::uint32_t>(un.firstlineno);
    code.argcount = un.argcount;
    code.posonlyargcount = un.posonlyargcount;
    code.kwonlyargcount = un.kwonlyargcount;
    code.flags = flags;
    code.consts = un.consts;
    code.names = un.names;
    for (int i = 0; i < nlocals; ++i) {
        code.localsplus.push_back(un.varnames[i]);
        std::uint8_t kind = kFastLocal;
        for (int c = 0; c < ncells; ++c)
            if (fixed[c] == i) kind |= kFastCell;
        code.localkinds.push_back(kind);
    }
    for (int c = 0; c < ncells; ++c)
        if (fixed[c] == nlocals + c) {
            code.localsplus.push_back(un.cellvars[c]);
            code.localkinds.push_back(kFastCell);
        }
    for (int f = 0; f < nfrees; ++f) {
        code.localsplus.push_back(un.freevars[f]);
        code.localkinds.push_back(kFastFree);
    }
}

}  // namespace refscope::lang
