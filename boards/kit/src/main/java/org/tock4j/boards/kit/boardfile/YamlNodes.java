package org.tock4j.boards.kit.boardfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reading a YAML node tree with line numbers, collecting problems instead of throwing. */
final class YamlNodes {
    private final List<String> problems;

    YamlNodes(List<String> problems) {
        this.problems = problems;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    void problem(Node node, String message) {
        problems.add("line " + line(node) + ": " + message);
    }

    /** The keys of a mapping, in file order; a problem (and empty) for anything else. */
    Map<String, Node> mapping(Node node, String what) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problem(node, what + " must be a mapping of settings");
            return out;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                if (out.containsKey(key.getValue())) {
                    problem(key, "'" + key.getValue() + "' is set twice");
                }
                out.put(key.getValue(), tuple.getValueNode());
            } else {
                problem(tuple.getKeyNode(), what + " has a key that is not a name");
            }
        }
        return out;
    }

    Optional<String> string(Node node, String what) {
        if (node instanceof ScalarNode scalar && !scalar.getValue().isEmpty()) {
            return Optional.of(scalar.getValue());
        }
        problem(node, what + " must be a name or value");
        return Optional.empty();
    }

    /** A non-negative number, decimal or 0x hexadecimal, up to 32 bits unsigned. */
    Optional<Integer> number(Node node, String what) {
        Optional<String> text = string(node, what);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.get().replace("_", "");
        try {
            long v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (v < 0 || v > 0xFFFF_FFFFL) {
                problem(node, what + " " + text.get() + " is out of range (0 to 0xFFFFFFFF)");
                return Optional.empty();
            }
            return Optional.of((int) v);
        } catch (NumberFormatException e) {
            problem(node, what + " '" + text.get() + "' is not a number (write 123 or 0x7B)");
            return Optional.empty();
        }
    }

    /** A list of names (a single name counts as a list of one). */
    List<ScalarNode> names(Node node, String what) {
        List<ScalarNode> out = new ArrayList<>();
        if (node instanceof ScalarNode scalar) {
            out.add(scalar);
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar) {
                    out.add(scalar);
                } else {
                    problem(item, what + " must list names");
                }
            }
        } else {
            problem(node, what + " must be a name or a list of names");
        }
        return out;
    }

    List<Node> sequence(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problem(node, what + " must be a list");
        return List.of();
    }
}
