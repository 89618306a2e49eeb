# Shallow copies share nested objects; a hand-written deep copy does not.
def deep_copy(obj):
    if isinstance(obj, list):
        return [deep_copy(x) for x in obj]
    if isinstance(obj, dict):
        return {k: deep_copy(v) for k, v in obj.items()}
    return obj

config = {"name": "demo", "tags": ["a", "b"], "limits": {"cpu": 2}}
shallow = dict(config)
deep = deep_copy(config)
config["tags"].append("c")
config["limits"]["cpu"] = 8
config["name"] = "changed"
print("original:", config)
print("shallow: ", shallow)
print("deep:    ", deep)
print("shallow shares tags:", shallow["tags"] is config["tags"])
print("deep shares tags:", deep["tags"] is config["tags"])
