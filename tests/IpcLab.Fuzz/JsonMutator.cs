using System.Text.Json;
using System.Text.Json.Nodes;

namespace IpcLab.Fuzz;

/// <summary>
/// Makes mutants of a saved run (JSON): text mutations of the file itself (mostly invalid JSON),
/// changes to one value of its tree (another type, an edge number, a deletion, a duplicated or
/// swapped schedule entry, a changed thread name or event sentence), or a mutant of the script
/// it carries. Deterministic by the <see cref="Mutator"/>'s seed.
/// </summary>
public sealed class JsonMutator(Mutator mutator)
{
    /// <summary>
    /// Stands for half a surrogate pair while the tree is serialized (the serializer would write
    /// U+FFFD for the real thing); replaced by the escape "\ud800" in the text afterwards.
    /// </summary>
    private const string LoneSurrogate = "LONE-SURROGATE-4f1c";

    public string SavedRun(string json)
    {
        var random = mutator.Random;
        var kind = random.Next(10);
        if (kind < 3)
        {
            return mutator.Script(json);
        }

        if (JsonNode.Parse(json) is not JsonObject root)
        {
            return mutator.Script(json);
        }

        if (kind < 6 && root["script"] is JsonValue script && script.TryGetValue<string>(out var text))
        {
            root["script"] = mutator.Script(text);
        }
        else
        {
            MutateNode(root);
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = random.Next(2) == 0 })
            .Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal);
    }

    /// <summary>Changes one node of the tree, chosen among all of them.</summary>
    private void MutateNode(JsonObject root)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var node = nodes[mutator.Random.Next(nodes.Count)];
        var parent = node.Parent;
        if (parent is null)
        {
            return;
        }

        switch (mutator.Random.Next(5))
        {
            case 0:
                Remove(parent, node);
                break;
            case 1 when parent is JsonArray array:
                array.Insert(array.IndexOf(node), node.DeepClone());
                break;
            case 2 when parent is JsonArray array && array.Count > 1:
                var i = array.IndexOf(node);
                var j = mutator.Random.Next(array.Count);
                (array[i], array[j]) = (array[j]?.DeepClone(), array[i]?.DeepClone());
                break;
            case 3 when node is JsonValue value && value.TryGetValue<string>(out var text):
                var word = mutator.Random.Next(8) == 0 ? text + LoneSurrogate : mutator.Word(text);
                Replace(parent, node, JsonValue.Create(word));
                break;
            default:
                Replace(parent, node, Other());
                break;
        }
    }

    /// <summary>A value of any JSON type, edges included.</summary>
    private JsonNode? Other() => mutator.Random.Next(8) switch
    {
        0 => null,
        1 => JsonValue.Create(true),
        2 => JsonValue.Create(mutator.Edge()),
        3 => JsonValue.Create(""),
        4 => new JsonArray(),
        5 => new JsonObject(),
        6 => JsonValue.Create(1.5),
        _ => JsonValue.Create(new string('x', 1 + mutator.Random.Next(300))),
    };

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
        }
    }

    private static void Remove(JsonNode parent, JsonNode node)
    {
        if (parent is JsonObject o)
        {
            o.Remove(node.GetPropertyName());
        }
        else if (parent is JsonArray a)
        {
            a.Remove(node);
        }
    }

    private static void Replace(JsonNode parent, JsonNode node, JsonNode? with)
    {
        if (parent is JsonObject o)
        {
            o[node.GetPropertyName()] = with;
        }
        else if (parent is JsonArray a)
        {
            a[a.IndexOf(node)] = with;
        }
    }
}
