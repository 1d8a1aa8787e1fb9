package deferloop

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/gohazard/gohazard/passes/apimatch"

	"github.com/gohazard/gohazard/passes/loops"
)

// unlocked returns the call in the loop that takes the lock the deferred
// call unlocks (directly or in a deferred literal), when that lock is
// taken per iteration: reached through a variable of the iteration (each
// shard's mutex) and locked in the loop. Unlocking what was locked before
// the loop is a batch release at return.
func unlocked(pass *analysis.Pass, stmt *ast.DeferStmt, loop ast.Stmt) ast.Node {
	var mu ast.Expr
	ast.Inspect(stmt.Call, func(n ast.Node) bool {
		if recv := syncCall(pass, n, "Unlock", "RUnlock"); recv != nil && mentionsLoopVar(pass, recv, loop) {
			mu = recv
		}
		return mu == nil
	})
	if mu == nil {
		return nil
	}
	want := types.ExprString(mu)
	var lock ast.Node
	ast.Inspect(loops.Body(loop), func(n ast.Node) bool {
		if recv := syncCall(pass, n, "Lock", "RLock", "TryLock", "TryRLock"); recv != nil && types.ExprString(recv) == want {
			lock = n
		}
		return lock == nil
	})
	return lock
}

// syncCall returns the receiver of n when n calls one of the named
// methods of sync.Mutex, sync.RWMutex or sync.Locker.
func syncCall(pass *analysis.Pass, n ast.Node, names ...string) ast.Expr {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	fn := typeutil.Callee(pass.TypesInfo, call)
	for _, typ := range [...]string{"Mutex", "RWMutex", "Locker"} {
		for _, name := range names {
			if apimatch.IsMethod(fn, "sync", typ, name) {
				return sel.X
			}
		}
	}
	return nil
}

// releasesLock reports whether the deferred call only unlocks, directly
// or in a literal that does nothing else. A loop of such defers holds
// locks until return, not memory, and on purpose: each iteration's lock
// is a different one ("lock each in turn, work, release at return");
// locking the same one again is a deadlock, doublelock's concern.
func releasesLock(pass *analysis.Pass, stmt *ast.DeferStmt) bool {
	lit, ok := ast.Unparen(stmt.Call.Fun).(*ast.FuncLit)
	if !ok {
		return syncCall(pass, stmt.Call, "Unlock", "RUnlock") != nil
	}
	if len(stmt.Call.Args) > 0 || len(lit.Body.List) == 0 {
		return false
	}
	for _, s := range lit.Body.List {
		es, ok := s.(*ast.ExprStmt)
		if !ok || syncCall(pass, es.X, "Unlock", "RUnlock") == nil {
			return false
		}
	}
	return true
}

func mentionsLoopVar(pass *analysis.Pass, e ast.Expr, loop ast.Stmt) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := pass.TypesInfo.Uses[id].(*types.Var); ok && !v.IsField() && loops.Contains(loop, v.Pos()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// workAfter reports whether the function does more than return plain
// values after the loop (path holds the loop's ancestors): work that
// needs what the loop holds. An enclosing loop going round counts.
func workAfter(path []ast.Node, loop ast.Stmt) bool {
	for len(path) > 0 && path[0] != loop {
		path = path[1:]
	}
	for i := 0; i+1 < len(path); i++ {
		child, parent := path[i], path[i+1]
		var list []ast.Stmt
		switch p := parent.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.BlockStmt:
			list = p.List
		case *ast.CaseClause:
			list = p.Body
		case *ast.CommClause:
			list = p.Body
		}
		after := false
		for _, s := range list {
			if after && !plainReturn(s) {
				return true
			}
			after = after || s == child
		}
	}
	return false
}

// plainReturn reports whether s does nothing but return values already
// computed (no call, no read through a pointer, field or index).
func plainReturn(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.EmptyStmt:
		return true
	case *ast.ReturnStmt:
		plain := true
		for _, r := range s.Results {
			ast.Inspect(r, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr, *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr, *ast.SliceExpr, *ast.FuncLit:
					plain = false
				case *ast.UnaryExpr:
					plain = plain && n.Op != token.ARROW
				}
				return plain
			})
		}
		return plain
	}
	return false
}
