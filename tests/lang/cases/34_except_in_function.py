def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        print("div", e)
        return None
    except (TypeError, ValueError):
        return 0
    finally:
        print("done")

def loop_try(xs):
    for x in xs:
        try:
            if x:
                continue
            break
        except Exception:
            pass
print(safe_div(1, 0), loop_try([1, 0]))
