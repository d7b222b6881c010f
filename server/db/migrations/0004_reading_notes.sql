-- Lab results carry a remark per value (样品浑浊、稀释后测定 …) that reviewers need beside the number; gateway
-- readings leave it null. Added to the partitioned parent, so every monthly partition has it.
alter table readings add column note text;
