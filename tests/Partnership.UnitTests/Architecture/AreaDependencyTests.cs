using System.Reflection;
using System.Reflection.Emit;
using Partnership.Core.Common;
using Xunit.Abstractions;

namespace Partnership.UnitTests.Architecture;

/// <summary>
/// The Core assembly's namespaces, read with reflection: which area uses which, through signatures and method bodies.
/// Contracts shared by several areas live in a namespace named for what they are (Documents, Mail, Reference), so
/// no two areas depend on each other in a cycle.
/// </summary>
public class AreaDependencyTests(ITestOutputHelper output)
{
    private const string CorePrefix = "Partnership.Core.";

    // Common holds IAppDbContext, which names every area's entities; it is the shared kernel, not an area.
    private static readonly HashSet<string> NotAreas = ["Common"];

    [Fact]
    public void No_two_core_areas_depend_on_each_other_in_a_cycle()
    {
        var graph = AreaGraph(typeof(IAppDbContext).Assembly);

        var cycles = Cycles(graph);

        output.WriteLine(Describe(graph));

        Assert.True(cycles.Count == 0, "Area namespaces in a cycle:\n" + string.Join("\n", cycles) + "\n\nDependencies:\n" + Describe(graph));
    }

    internal static Dictionary<string, HashSet<string>> AreaGraph(Assembly assembly)
    {
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var type in assembly.GetTypes())
        {
            var from = AreaOf(type);
            if (from is null)
            {
                continue;
            }
            var edges = graph.TryGetValue(from, out var known) ? known : graph[from] = [];
            foreach (var used in UsedTypes(type))
            {
                var to = AreaOf(used);
                if (to is not null && to != from)
                {
                    edges.Add(to);
                }
            }
        }
        return graph;
    }

    private static string? AreaOf(Type type)
    {
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith(CorePrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var area = ns[CorePrefix.Length..].Split('.')[0];
        return NotAreas.Contains(area) ? null : area;
    }

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        var used = new List<Type>();
        if (type.BaseType is not null)
        {
            used.Add(type.BaseType);
        }
        used.AddRange(type.GetInterfaces());
        used.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        used.AddRange(type.GetFields(Everything).Select(f => f.FieldType));
        used.AddRange(type.GetProperties(Everything).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                used.Add(info.ReturnType);
            }
            used.AddRange(method.GetParameters().Select(p => p.ParameterType));
            used.AddRange(BodyReferences(method));
        }
        return used.SelectMany(Flatten);
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var inner in Flatten(type.GetElementType()!))
            {
                yield return inner;
            }
            yield break;
        }
        yield return type;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return argument;
            }
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types a method's IL names: calls, fields, casts, allocations, tokens (lambdas and state machines included, as nested types).</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }
            var code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    MemberInfo? member;
                    try
                    {
                        member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                        member = null;
                    }
                    switch (member)
                    {
                        case Type t:
                            yield return t;
                            break;
                        case FieldInfo f:
                            yield return f.DeclaringType!;
                            yield return f.FieldType;
                            break;
                        case MethodBase m:
                            yield return m.DeclaringType!;
                            if (m.IsGenericMethod)
                            {
                                foreach (var argument in m.GetGenericArguments())
                                {
                                    yield return argument;
                                }
                            }
                            break;
                    }
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, position);
                    position += 4 + (4 * count);
                    break;
                default:
                    position += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    /// <summary>Each pair of areas that reach each other, with one path each way.</summary>
    internal static List<string> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var cycles = new List<string>();
        var areas = graph.Keys.Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < areas.Count; i++)
        {
            for (var j = i + 1; j < areas.Count; j++)
            {
                var there = Path(graph, areas[i], areas[j]);
                var back = there is null ? null : Path(graph, areas[j], areas[i]);
                if (there is not null && back is not null)
                {
                    cycles.Add($"{string.Join(" → ", there)} ⇄ {string.Join(" → ", back)}");
                }
            }
        }
        return cycles;
    }

    private static List<string>? Path(Dictionary<string, HashSet<string>> graph, string from, string to)
    {
        var previous = new Dictionary<string, string> { [from] = from };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == to)
            {
                var path = new List<string> { to };
                while (path[0] != from)
                {
                    path.Insert(0, previous[path[0]]);
                }
                return path;
            }
            foreach (var next in graph.GetValueOrDefault(current) ?? [])
            {
                if (previous.TryAdd(next, current))
                {
                    queue.Enqueue(next);
                }
            }
        }
        return null;
    }

    private static string Describe(Dictionary<string, HashSet<string>> graph) =>
        string.Join("\n", graph.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key} → {string.Join(", ", e.Value.Order(StringComparer.Ordinal))}"));
}
